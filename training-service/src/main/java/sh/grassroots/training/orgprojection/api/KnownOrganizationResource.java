package sh.grassroots.training.orgprojection.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.orgprojection.model.OrganizationSnapshot;
import sh.grassroots.training.orgprojection.persistence.KnownOrganizationEntity;

import java.util.List;
import java.util.UUID;

/** The organizations training-service knows of, as its projection holds them (read-only). */
@Path("/api/v1/training/organizations")
public class KnownOrganizationResource {

    public record Page(List<OrganizationSnapshot> items, String nextCursor) {
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<OrganizationSnapshot> get(@PathParam("id") UUID id) {
        return KnownOrganizationEntity.<KnownOrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id))
                .map(KnownOrganizationEntity::snapshot);
    }

    @GET
    @WithSession
    public Uni<Page> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                          @QueryParam("cursor") UUID cursor) {
        UUID after = cursor == null ? new UUID(0L, 0L) : cursor;
        return KnownOrganizationEntity.<KnownOrganizationEntity>find("id > ?1 order by id", after)
                .page(0, limit + 1).list()
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<OrganizationSnapshot> items = rows.stream().limit(limit)
                            .map(KnownOrganizationEntity::snapshot).toList();
                    return new Page(items, more ? items.get(items.size() - 1).id().toString() : null);
                });
    }
}
