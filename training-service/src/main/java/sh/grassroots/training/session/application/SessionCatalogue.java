package sh.grassroots.training.session.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.session.persistence.SessionEntity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What a member can still sign up for, soonest first: scheduled sessions that have not started,
 * with their course's title, kind and hours. Keyset-paged on (starts_at, id), the order of the
 * {@code training_session_starts} index.
 */
@ApplicationScoped
public class SessionCatalogue {
    private final TrainingAccess access;
    private final Clock clock;

    public SessionCatalogue(TrainingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public record Entry(UUID sessionId, UUID courseId, String courseTitle, CourseKind courseKind,
                        BigDecimal creditHours, OffsetDateTime startsAt, OffsetDateTime endsAt, String venue,
                        int capacity, int seatsLeft, OffsetDateTime enrolmentOpensAt,
                        OffsetDateTime enrolmentClosesAt) {
    }

    /** Open to any person. */
    @WithSession
    public Uni<Page<Entry>> upcoming(Caller caller, UUID courseId, int limit, String cursor) {
        Instant now = clock.instant();
        Cursors.TimeAndId after = cursor == null ? new Cursors.TimeAndId(now, new UUID(0L, 0L))
                : Cursors.decodeTimeAndId(cursor);
        return access.scope(caller)
                .chain(scope -> TrainingAccess.enforce(TrainingAccessPolicy.readOpenCatalogue(scope)))
                .chain(() -> page(courseId, limit, now, after));
    }

    private Uni<Page<Entry>> page(UUID courseId, int limit, Instant now, Cursors.TimeAndId after) {
        Cursors.TimeAndId from = after.time().isBefore(now) ? new Cursors.TimeAndId(now, new UUID(0L, 0L)) : after;
        String hql = "select s, c.title, c.kind, c.creditHours from SessionEntity s, CourseEntity c where c.id = s.courseId"
                + " and s.status = :scheduled"
                // the first condition alone bounds the index range; without it the OR made PostgreSQL
                // read every past session of the index (bench/city-search.sh: 260 ms at city scale)
                + " and s.startsAt >= :t and (s.startsAt > :t or (s.startsAt = :t and s.id > :id))"
                + (courseId == null ? "" : " and s.courseId = :course")
                + " order by s.startsAt, s.id";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class)
                    .setParameter("scheduled", SessionEntity.Status.SCHEDULED)
                    .setParameter("t", from.time().atOffset(ZoneOffset.UTC))
                    .setParameter("id", from.id())
                    .setMaxResults(limit + 1);
            if (courseId != null) {
                query.setParameter("course", courseId);
            }
            return query.getResultList();
        }).map(rows -> Page.of(rows.stream().map(row -> {
            SessionEntity s = (SessionEntity) row[0];
            return new Entry(s.id, s.courseId, (String) row[1], (CourseKind) row[2], (BigDecimal) row[3], s.startsAt, s.endsAt, s.venue,
                    s.capacity, s.capacity - s.seatsTaken, s.enrolmentOpensAt, s.enrolmentClosesAt);
        }).toList(), limit, e -> Cursors.encode(e.startsAt().toInstant(), e.sessionId())));
    }
}
