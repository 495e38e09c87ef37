package sh.grassroots.org.branch.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.org.branch.model.FormSizePolicy;
import sh.grassroots.org.branch.model.FormType;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.tree.model.District;
import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.model.SizePolicy;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A district's size report for its organizer: every active organization of the district in tree
 * order (all its trees), with its counts and the size rules it breaks, branch forms included.
 * Only the district's admin reads it: a district code is not an object one finds by chance, so
 * another caller is refused whether or not the code names a district.
 */
@ApplicationScoped
public class DistrictSizeReport {

    public record Row(UUID organizationId, String name, OrganizationKind kind, FormType form, UUID parentId,
                      FormSizePolicy.Basis countedBy, long full, long probationary, long total,
                      List<FormSizePolicy.Flag> flags) {
    }

    @WithSession
    public Uni<Page<Row>> of(Caller caller, String districtCode, int limit, String cursor) {
        return Access.checkCaller(caller, scope -> OrgAccessPolicy.wholeDistrict(scope, districtCode))
                .chain(() -> District.byCode(districtCode).isEmpty()
                        ? Uni.createFrom().failure(ProblemException.notFound("District", districtCode))
                        : rows(districtCode, limit, cursor == null ? "" : Cursors.decode(cursor)));
    }

    private static Uni<Page<Row>> rows(String districtCode, int limit, String after) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select o.id, o.name, o.kind, o.form, o.parent_id, o.path, "
                                + "(select count(*) from member m where m.left_on is null and m.status = 'FULL' "
                                + "and m.home_path >= o.path and m.home_path < left(o.path, -1) || '0'), "
                                + "(select count(*) from member m where m.left_on is null and m.status = 'PROBATIONARY' "
                                + "and m.home_path >= o.path and m.home_path < left(o.path, -1) || '0'), "
                                + "(select count(*) from affiliation a join member am on am.id = a.member_id "
                                + "where a.organization_id = o.id and a.ended_on is null and am.status = 'FULL'), "
                                + "(select count(*) from affiliation a join member am on am.id = a.member_id "
                                + "where a.organization_id = o.id and a.ended_on is null and am.status = 'PROBATIONARY') "
                                + "from organization o where o.district_code = ?1 and o.dissolved_on is null and o.path > ?2 "
                                + "order by o.path limit ?3", Object[].class)
                        .setParameter(1, districtCode).setParameter(2, after).setParameter(3, limit + 1).getResultList())
                .map(rows -> Page.of(rows, limit, (Object[] last) -> Cursors.encode((String) last[5])).map(DistrictSizeReport::row));
    }

    private static Row row(Object[] r) {
        UUID id = UUID.fromString(r[0].toString());
        OrganizationKind kind = OrganizationKind.valueOf((String) r[2]);
        Optional<FormType> form = Optional.ofNullable((String) r[3]).map(FormType::valueOf);
        FormSizePolicy.Assessment assessment = FormSizePolicy.assess(id, (String) r[1], kind, form,
                new SizePolicy.Counts(number(r[6]), number(r[7])), new SizePolicy.Counts(number(r[8]), number(r[9])));
        return new Row(id, (String) r[1], kind, form.orElse(kind == OrganizationKind.BRANCH ? FormType.ORDINARY : null),
                r[4] == null ? null : UUID.fromString(r[4].toString()), assessment.basis(), assessment.counts().full(),
                assessment.counts().probationary(), assessment.counts().total(), assessment.flags());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
