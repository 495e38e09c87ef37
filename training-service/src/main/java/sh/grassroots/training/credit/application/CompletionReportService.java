package sh.grassroots.training.credit.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.credit.model.AnnualRequirement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Completion of the annual requirement for any organization subtree, from the ledger and training's
 * own projections (learner, known_organization). Members are paged by person id (keyset), so a
 * large committee is read page by page without OFFSET.
 */
@ApplicationScoped
public class CompletionReportService {
    private static final String MEMBERS = """
            with recursive subtree(id, depth) as (
                select cast(?1 as uuid), 0
                union all
                select k.id, s.depth + 1 from known_organization k join subtree s on k.parent_id = s.id where s.depth < 32
            ), standing as (
                select l.person_id, l.display_name, l.member_status, l.home_organization_id,
                       coalesce((select sum(c.hours) from credit_entry c
                                 where c.person_id = l.person_id and c.study_year = ?2), 0) as earned,
                       case l.member_status when 'FULL' then cast(?3 as numeric) when 'PROBATIONARY' then cast(?4 as numeric)
                            else 0 end as required
                from learner l
                where l.home_organization_id in (select id from subtree) and l.member_status <> 'NOT_A_MEMBER'
            )
            """;

    private static final String PAGE = MEMBERS + """
            select person_id::text, display_name, member_status, home_organization_id::text, earned, required
            from standing where person_id > cast(?5 as uuid) and (?6 = false or earned < required)
            order by person_id limit ?7""";

    private static final String TOTALS = MEMBERS + """
            select count(*), count(*) filter (where earned >= required) from standing""";

    private final AnnualRequirement requirement = AnnualRequirement.standard();
    private final TrainingAccess access;

    public CompletionReportService(TrainingAccess access) {
        this.access = access;
    }

    /** For READ_TRAINING at the organization: its subtree's members are in the report. */
    @WithSession
    public Uni<CompletionReport> report(Caller caller, UUID organizationId, int year, boolean onlyNotMet, UUID after,
                                        int limit) {
        BigDecimal full = requirement.progress("FULL", BigDecimal.ZERO).required();
        BigDecimal probationary = requirement.progress("PROBATIONARY", BigDecimal.ZERO).required();
        return access.placeOf(organizationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", organizationId))
                .chain(place -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.readTrainingRecords(scope, place))))
                .chain(() -> Panache.getSession()).chain(s -> s.<Object[]>createNativeQuery(TOTALS)
                        .setParameter(1, organizationId).setParameter(2, year)
                        .setParameter(3, full).setParameter(4, probationary)
                        .getSingleResult())
                .chain(totals -> Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(PAGE)
                                .setParameter(1, organizationId).setParameter(2, year)
                                .setParameter(3, full).setParameter(4, probationary)
                                .setParameter(5, after == null ? new UUID(0L, 0L) : after)
                                .setParameter(6, onlyNotMet)
                                .setParameter(7, limit + 1)
                                .getResultList())
                        .map(rows -> {
                            List<CompletionReport.Line> lines = new ArrayList<>();
                            for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
                                BigDecimal earned = new BigDecimal(row[4].toString());
                                BigDecimal required = new BigDecimal(row[5].toString());
                                lines.add(new CompletionReport.Line(UUID.fromString((String) row[0]), (String) row[1],
                                        (String) row[2], UUID.fromString((String) row[3]), earned, required,
                                        earned.compareTo(required) >= 0));
                            }
                            long members = ((Number) totals[0]).longValue();
                            long met = ((Number) totals[1]).longValue();
                            String next = rows.size() > limit ? lines.get(lines.size() - 1).personId().toString() : null;
                            return new CompletionReport(organizationId, year, members, met, members - met, lines, next);
                        }));
    }
}
