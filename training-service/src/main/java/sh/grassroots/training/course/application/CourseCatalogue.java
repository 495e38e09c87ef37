package sh.grassroots.training.course.application;

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
import sh.grassroots.training.course.model.ProviderKind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The open course catalogue a phone searches: words of the title, kind, provider, and "has a
 * session to come"; newest first, keyset-paginated, one statement per page, each filter backed
 * by an index (V30). Open to any person, like a course's own page.
 */
@ApplicationScoped
public class CourseCatalogue {
    private final TrainingAccess access;
    private final Clock clock;

    public CourseCatalogue(TrainingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public record Search(String words, CourseKind kind, UUID providerId, boolean upcoming, int limit,
                         Cursors.TimeAndId after) {
    }

    public record CourseCard(UUID id, String title, CourseKind kind, ProviderKind providerKind, UUID providerId,
                             BigDecimal creditHours, OffsetDateTime nextSessionStartsAt, OffsetDateTime createdAt) {
    }

    @WithSession
    public Uni<Page<CourseCard>> search(Caller caller, Search search) {
        return access.scope(caller)
                .chain(scope -> TrainingAccess.enforce(TrainingAccessPolicy.readOpenCatalogue(scope)))
                .chain(() -> Panache.getSession())
                .chain(session -> {
                    List<Object> parameters = new ArrayList<>();
                    String sql = statement(search, parameters);
                    var query = session.<Object[]>createNativeQuery(sql, Object[].class);
                    for (int i = 0; i < parameters.size(); i++) {
                        query.setParameter(i + 1, parameters.get(i));
                    }
                    return query.getResultList();
                })
                .map(rows -> Page.of(rows.stream().map(CourseCatalogue::card).toList(), search.limit(),
                        card -> Cursors.encode(card.createdAt().toInstant(), card.id())));
    }

    private String statement(Search search, List<Object> parameters) {
        parameters.add(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        StringBuilder sql = new StringBuilder("""
                select cast(c.id as text), c.title, c.kind, c.provider_kind, cast(c.provider_id as text), c.credit_hours,
                       (select min(s.starts_at) from training_session s
                         where s.course_id = c.id and s.status = 'SCHEDULED' and s.starts_at > ?1),
                       c.created_at
                from course c where true""");
        if (search.words() != null) {
            parameters.add("%" + likeLiteral(search.words()) + "%");
            sql.append(" and c.title ilike ?").append(parameters.size());
        }
        if (search.kind() != null) {
            parameters.add(search.kind().name());
            sql.append(" and c.kind = ?").append(parameters.size());
        }
        if (search.providerId() != null) {
            parameters.add(search.providerId());
            sql.append(" and c.provider_id = ?").append(parameters.size());
        }
        if (search.upcoming()) {
            sql.append(" and exists (select 1 from training_session s where s.course_id = c.id"
                    + " and s.status = 'SCHEDULED' and s.starts_at > ?1)");
        }
        if (search.after() != null) {
            parameters.add(OffsetDateTime.ofInstant(search.after().time(), ZoneOffset.UTC));
            parameters.add(search.after().id());
            sql.append(" and (c.created_at, c.id) < (?").append(parameters.size() - 1)
                    .append(", ?").append(parameters.size()).append(")");
        }
        parameters.add(search.limit() + 1);
        sql.append(" order by c.created_at desc, c.id desc limit ?").append(parameters.size());
        return sql.toString();
    }

    /** The words as a LIKE pattern matches them literally: % and _ are not wildcards here. */
    static String likeLiteral(String words) {
        return words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CourseCard card(Object[] row) {
        return new CourseCard(UUID.fromString((String) row[0]), (String) row[1], CourseKind.valueOf((String) row[2]),
                ProviderKind.valueOf((String) row[3]), UUID.fromString((String) row[4]), (BigDecimal) row[5],
                time(row[6]), time(row[7]));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
