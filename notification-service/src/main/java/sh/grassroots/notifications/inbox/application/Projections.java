package sh.grassroots.notifications.inbox.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.notifications.inbox.persistence.KnownSessionEntity;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the texts need and the events do not carry: a session's course title and start (from
 * SessionScheduled) and whom a booking is for (from BookingRequested/Confirmed). Both are
 * upserts, so applying an event twice changes nothing; no inbox needed.
 */
@ApplicationScoped
public class Projections {

    @WithTransaction
    public Uni<Void> sessionScheduled(UUID sessionId, String courseTitle, OffsetDateTime startsAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into known_session (session_id, course_title, starts_at) values (?1, ?2, ?3)
                        on conflict (session_id) do update set course_title = excluded.course_title, starts_at = excluded.starts_at""")
                .setParameter(1, sessionId).setParameter(2, courseTitle).setParameter(3, startsAt)
                .executeUpdate()).replaceWithVoid();
    }

    /** In the caller's transaction. */
    public Uni<Void> bookingFor(UUID bookingId, String personId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into booking_recipient (booking_id, person_id) values (?1, ?2)
                        on conflict (booking_id) do nothing""")
                .setParameter(1, bookingId).setParameter(2, personId)
                .executeUpdate()).replaceWithVoid();
    }

    /** In the caller's transaction: the member a booking is for, if it is a member's. */
    public Uni<Optional<String>> recipientOf(UUID bookingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select person_id from booking_recipient where booking_id = ?1", String.class)
                .setParameter(1, bookingId).getResultList())
                .map(rows -> rows.isEmpty() ? Optional.<String>empty() : Optional.of(rows.get(0)));
    }

    /** In the caller's transaction: the facts known about a session (course title, start), maybe none. */
    public Uni<Map<String, String>> session(UUID sessionId) {
        return KnownSessionEntity.<KnownSessionEntity>findById(sessionId).map(known -> {
            Map<String, String> facts = new HashMap<>();
            if (known != null) {
                facts.put("courseTitle", known.courseTitle);
                facts.put("startsAt", known.startsAt.toString());
            }
            return facts;
        });
    }
}
