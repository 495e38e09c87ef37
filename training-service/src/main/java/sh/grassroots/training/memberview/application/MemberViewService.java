package sh.grassroots.training.memberview.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.memberview.model.ICalendar;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a member sees on the phone: upcoming sessions, places on waitlists, sessions they were
 * taken out of and why, and their seats as a calendar feed.
 */
@ApplicationScoped
public class MemberViewService {
    /**
     * Active enrolments, and those the organizers or training itself cancelled (a dissolved provider,
     * a lost room, an ended affiliation) while the session has not ended: that is how the person
     * learns of it, with the reason. Their own cancellations and those replaced by a new enrolment
     * in the same session are left out.
     */
    private static final String UPCOMING = """
            select e, s, c from EnrolmentEntity e, SessionEntity s, CourseEntity c
            where s.id = e.sessionId and c.id = s.courseId and e.personId = ?1 and s.endsAt > ?3
              and (e.status in ?2 or (e.status = ?4 and e.cancelledBy in ?5 and not exists (
                  select 1 from EnrolmentEntity o where o.sessionId = e.sessionId and o.personId = e.personId
                  and o.status in ?2)))
            order by s.startsAt, s.id""";

    private final TrainingAccess access;
    private final Clock clock;

    public MemberViewService(TrainingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** For the person, or READ_TRAINING at their home. */
    @WithSession
    public Uni<List<MySession>> upcoming(Caller caller, UUID personId) {
        return access.readPersonRecords(caller, personId).chain(() -> upcoming(personId));
    }

    /**
     * The person's sessions with a seat (held ones as tentative), in the caller's session, for
     * whoever already decided that this person's calendar may be read (a feed's token).
     */
    public Uni<List<MySession>> seatsOf(UUID personId) {
        return upcoming(personId).map(mine -> mine.stream()
                .filter(m -> m.status() != EnrolmentStatus.WAITLISTED && m.status() != EnrolmentStatus.CANCELLED)
                .toList());
    }

    private Uni<List<MySession>> upcoming(UUID personId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(UPCOMING, Object[].class)
                        .setParameter(1, personId)
                        .setParameter(2, List.of(EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.OFFERED))
                        .setParameter(3, OffsetDateTime.now(clock))
                        .setParameter(4, EnrolmentStatus.CANCELLED)
                        .setParameter(5, List.of(Cancellation.By.ORGANIZER, Cancellation.By.SYSTEM))
                        .getResultList())
                .chain(rows -> {
                    List<MySession> mine = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        EnrolmentEntity e = (EnrolmentEntity) row[0];
                        SessionEntity session = (SessionEntity) row[1];
                        CourseEntity course = (CourseEntity) row[2];
                        chain = chain.chain(() -> placeInLine(e).invoke(place -> mine.add(new MySession(e.id, e.status,
                                place, e.status == EnrolmentStatus.OFFERED ? e.offerExpiresAt : null, session.id,
                                course.title, course.kind, course.creditHours, session.startsAt, session.endsAt,
                                session.venue, e.status == EnrolmentStatus.CANCELLED ? e.closeReason : null)))
                                .replaceWithVoid());
                    }
                    return chain.replaceWith(mine);
                });
    }

    /** Sessions with a seat (held seats as tentative) as RFC 5545 text. */
    @WithSession
    public Uni<String> calendar(Caller caller, UUID personId) {
        return access.readPersonRecords(caller, personId).chain(() -> upcoming(personId)).map(mine -> ICalendar.feed("我的党课", mine.stream()
                .filter(m -> m.status() != EnrolmentStatus.WAITLISTED && m.status() != EnrolmentStatus.CANCELLED)
                .map(m -> new ICalendar.Event(m.enrolmentId(), m.courseTitle(), m.venue(), m.startsAt().toInstant(),
                        m.endsAt().toInstant(), m.status() == EnrolmentStatus.OFFERED))
                .toList(), clock.instant()));
    }

    private Uni<Integer> placeInLine(EnrolmentEntity e) {
        if (e.status != EnrolmentStatus.WAITLISTED) {
            return Uni.createFrom().nullItem();
        }
        return EnrolmentEntity.count("sessionId = ?1 and status = ?2 and position <= ?3", e.sessionId,
                EnrolmentStatus.WAITLISTED, e.position).map(Long::intValue);
    }
}
