package sh.grassroots.training.enrolment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One enrolment into a session without seat quotas, as one SQL statement (its own transaction):
 * lock the session row if it still carries the rules version the caller decided on, insert the
 * enrolment CONFIRMED while a seat is free and WAITLISTED otherwise at the next arrival position,
 * move the counters, and record the event in the outbox. The database decides the seat under the
 * row lock, so racing replicas cannot give out more seats than there are (the check constraint on
 * {@code seats_taken} stays the last guard).
 *
 * <p>{@code FOR UPDATE} returns the latest committed row after waiting, so the seat count and
 * position it reads are current even though the statement's snapshot is older. A person who
 * already holds an active enrolment hits the partial unique index, which {@code ON CONFLICT DO
 * NOTHING} answers with no row: nothing is counted, nothing rolled back.
 *
 * <p>The outbox row has the shape {@code platform/outbox}'s {@code Outbox.record} writes; its
 * envelope is the one the caller serialised, with the status, position and event type the
 * statement decided written into it.
 */
@ApplicationScoped
public class EnrolStatement {

    static final String SQL = """
            with s as materialized (
                select id, capacity, seats_taken, last_position from training_session
                where id = ?1 and rules_version = ?2 for update
            ),
            ins as (
                insert into enrolment (id, session_id, person_id, status, position, enrolled_at)
                select ?3, s.id, ?4, case when s.seats_taken < s.capacity then 'CONFIRMED' else 'WAITLISTED' end,
                       s.last_position + 1, ?5
                from s
                on conflict (session_id, person_id) where status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'ATTENDED')
                do nothing
                returning status, position
            ),
            counters as (
                update training_session t set last_position = ins.position,
                       seats_taken = t.seats_taken + case when ins.status = 'CONFIRMED' then 1 else 0 end
                from ins where t.id = ?1
            ),
            event as (
                insert into outbox_event (event_id, topic, message_key, event_type, envelope)
                select ?6, ?7, ?8, v.type,
                       cast(jsonb_set(jsonb_set(jsonb_set(cast(cast(?11 as text) as jsonb), '{payload,status}', to_jsonb(ins.status)),
                                                '{payload,position}', to_jsonb(ins.position)),
                                      '{type}', to_jsonb(v.type)) as text)
                from ins cross join lateral (select case when ins.status = 'CONFIRMED' then cast(?9 as text) else cast(?10 as text) end as type) v
            )
            select (select count(*) from s), (select status from ins), (select position from ins)""";

    /** The outbox row's event, serialised with any status and position: the statement writes the real ones. */
    public record Event(UUID eventId, String topic, String messageKey, String confirmedType, String waitlistedType,
                        String envelope) {
    }

    /**
     * What the statement did. {@code rulesCurrent} false: the session is gone or its rules changed
     * since the caller read them, and nothing was written. {@code status} null with rules current:
     * the person already holds an active enrolment.
     */
    public record Result(boolean rulesCurrent, EnrolmentStatus status, long position) {
    }

    public Uni<Result> enrol(UUID sessionId, long rulesVersion, UUID enrolmentId, UUID personId, OffsetDateTime at,
                             Event event) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(SQL, Object[].class)
                        .setParameter(1, sessionId).setParameter(2, rulesVersion).setParameter(3, enrolmentId)
                        .setParameter(4, personId).setParameter(5, at).setParameter(6, event.eventId())
                        .setParameter(7, event.topic()).setParameter(8, event.messageKey())
                        .setParameter(9, event.confirmedType()).setParameter(10, event.waitlistedType())
                        .setParameter(11, event.envelope())
                        .getSingleResult())
                .map(row -> new Result(((Number) row[0]).intValue() == 1,
                        row[1] == null ? null : EnrolmentStatus.valueOf((String) row[1]),
                        row[2] == null ? 0 : ((Number) row[2]).longValue()));
    }
}
