package sh.grassroots.training.orgprojection.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.orgprojection.model.OrganizationSnapshot;
import sh.grassroots.training.orgprojection.persistence.KnownOrganizationEntity;

import java.util.List;
import java.util.UUID;

/** The organizations training knows of, as far as the caller's READ_TRAINING reaches. */
@ApplicationScoped
public class KnownOrganizations {
    /** Keyset by id over the caller's district and the subtree of their organization scope. */
    private static final String IN_REACH = """
            with recursive subtree(id, depth) as (
                select id, 0 from known_organization where id = ?1
                union all
                select k.id, s.depth + 1 from known_organization k join subtree s on k.parent_id = s.id where s.depth < 32
            )
            select o.* from known_organization o
            where o.id > ?3 and (o.district_code = ?2 or o.id in (select id from subtree))
            order by o.id limit ?4""";
    private static final UUID NONE = new UUID(0L, 0L);

    private final TrainingAccess access;

    public KnownOrganizations(TrainingAccess access) {
        this.access = access;
    }

    public record Page(List<OrganizationSnapshot> items, String nextCursor) {
    }

    /** One organization: for READ_TRAINING there (403 outside the scope, 404 when unknown). */
    @WithSession
    public Uni<OrganizationSnapshot> get(Caller caller, UUID id) {
        return KnownOrganizationEntity.<KnownOrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id))
                .call(known -> access.placeOf(id).chain(place -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.readTrainingRecords(scope, place)))))
                .map(KnownOrganizationEntity::snapshot);
    }

    /** The list, filtered to what the caller's READ_TRAINING reaches: empty for a caller who reaches none. */
    @WithSession
    public Uni<Page> list(Caller caller, int limit, UUID cursor) {
        UUID after = cursor == null ? NONE : cursor;
        TrainingAccessPolicy.Reach reach = TrainingAccessPolicy.organizationsInReach(caller);
        return access.scope(caller)
                .chain(scope -> TrainingAccess.enforce(TrainingAccessPolicy.listOrganizations(scope)))
                .chain(() -> reach.none() ? Uni.createFrom().item(List.<KnownOrganizationEntity>of())
                        : Panache.getSession().chain(s -> s.createNativeQuery(IN_REACH, KnownOrganizationEntity.class)
                        .setParameter(1, reach.subtreeRoot() == null ? NONE : reach.subtreeRoot())
                        .setParameter(2, reach.district() == null ? "" : reach.district())
                        .setParameter(3, after)
                        .setParameter(4, limit + 1)
                        .getResultList()))
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<OrganizationSnapshot> items = rows.stream().limit(limit)
                            .map(KnownOrganizationEntity::snapshot).toList();
                    return new Page(items, more ? items.get(items.size() - 1).id().toString() : null);
                });
    }
}
