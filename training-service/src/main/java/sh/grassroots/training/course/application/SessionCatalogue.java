package sh.grassroots.training.course.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.course.persistence.SessionEntity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * What a member can still sign up for, soonest first: scheduled sessions that have not started,
 * with their course's title, kind and hours. Keyset-paged on (starts_at, id), the order of the
 * {@code training_session_starts} index.
 */
@ApplicationScoped
public class SessionCatalogue {
    private final Clock clock;

    public SessionCatalogue(Clock clock) {
        this.clock = clock;
    }

    public record Entry(UUID sessionId, UUID courseId, String courseTitle, CourseKind courseKind,
                        BigDecimal creditHours, OffsetDateTime startsAt, OffsetDateTime endsAt, String venue,
                        int capacity, int seatsLeft, OffsetDateTime enrolmentOpensAt,
                        OffsetDateTime enrolmentClosesAt) {
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    @WithSession
    public Uni<Page> upcoming(UUID courseId, int limit, String cursor) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Position after = cursor == null ? new Position(now, new UUID(0L, 0L)) : Position.parse(cursor);
        if (after.startsAt().isBefore(now)) {
            after = new Position(now, new UUID(0L, 0L));
        }
        Position from = after;
        String hql = "select s, c from SessionEntity s, CourseEntity c where c.id = s.courseId"
                + " and s.status = :scheduled"
                + " and (s.startsAt > :t or (s.startsAt = :t and s.id > :id))"
                + (courseId == null ? "" : " and s.courseId = :course")
                + " order by s.startsAt, s.id";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class)
                    .setParameter("scheduled", SessionEntity.Status.SCHEDULED)
                    .setParameter("t", from.startsAt())
                    .setParameter("id", from.id())
                    .setMaxResults(limit + 1);
            if (courseId != null) {
                query.setParameter("course", courseId);
            }
            return query.getResultList();
        }).map(rows -> {
            List<Entry> entries = rows.stream().limit(limit).map(row -> {
                SessionEntity s = (SessionEntity) row[0];
                CourseEntity c = (CourseEntity) row[1];
                return new Entry(s.id, c.id, c.title, c.kind, c.creditHours, s.startsAt, s.endsAt, s.venue,
                        s.capacity, s.capacity - s.seatsTaken, s.enrolmentOpensAt, s.enrolmentClosesAt);
            }).toList();
            String next = rows.size() > limit
                    ? new Position(entries.get(limit - 1).startsAt(), entries.get(limit - 1).sessionId()).encode()
                    : null;
            return new Page(entries, next);
        });
    }

    /** Where a page ended: opaque to clients. */
    record Position(OffsetDateTime startsAt, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (startsAt.toInstant() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("two parts expected");
                }
                return new Position(java.time.Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ProblemException(sh.grassroots.platform.web.Problem.of(400, "invalid-cursor",
                        "Invalid cursor", "Pass back the nextCursor of the previous page unchanged"));
            }
        }
    }
}
