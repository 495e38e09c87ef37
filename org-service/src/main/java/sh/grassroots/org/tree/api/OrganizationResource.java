package sh.grassroots.org.tree.api;

import sh.grassroots.platform.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.org.branch.api.BranchFormRequest;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.search.application.NameSearch;
import sh.grassroots.org.tree.application.CreateOrganization;
import sh.grassroots.org.tree.application.OrganizationQueries;
import sh.grassroots.org.tree.application.OrganizationService;
import sh.grassroots.org.tree.application.OrganizationView;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The tree. Who may do what is decided by the use cases (OrgAccessPolicy): creating under a parent
 * and rename/move/dissolve need MANAGE_STRUCTURE there (a new root: the district's admin); subtree
 * reads need READ_SUBTREE; an organization's own card and its path are open to every person.
 */
@Path("/api/v1/orgs/organizations")
public class OrganizationResource {
    private final OrganizationService organizations;
    private final OrganizationQueries queries;

    private final NameSearch search;

    public OrganizationResource(OrganizationService organizations, OrganizationQueries queries, NameSearch search) {
        this.organizations = organizations;
        this.queries = queries;
        this.search = search;
    }

    /**
     * Organizations whose name contains {@code q}, within the caller's district (district admin)
     * or subtree (organizer, branch secretary); by name, keyset pages.
     */
    @GET
    @Path("search")
    public Uni<Page<NameSearch.OrganizationHit>> search(@QueryParam("q") @NotBlank @Size(max = 100) String q,
                                                        @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                                        @QueryParam("cursor") @Size(max = 600) String cursor,
                                                        @Context HttpHeaders headers) {
        return search.organizations(Callers.require(headers::getHeaderString), q, limit, cursor);
    }

    public record CreateRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganizationKind kind,
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code") String districtCode,
            UUID parentId,
            LocalDate foundedOn,
            @Size(max = 100) String documentNumber,
            @Valid BranchFormRequest form) {
    }

    public record RenameRequest(@NotBlank @Size(max = 200) String name) {
    }

    /** {@code parentId} null makes the organization the top of a tree of its own. */
    public record MoveRequest(UUID parentId) {
    }

    public record DissolveRequest(
            @NotNull LocalDate dissolvedOn,
            @NotBlank @Size(max = 100) String documentNumber) {
    }

    @POST
    public Uni<RestResponse<OrganizationView>> create(@NotNull @Valid CreateRequest request, UriInfo uri,
                                                      @Context HttpHeaders headers) {
        return organizations.create(Callers.require(headers::getHeaderString), new CreateOrganization(request.name(),
                        request.kind(), request.districtCode(), request.parentId(), request.foundedOn(),
                        request.documentNumber(), request.form() == null ? null : request.form().toDraft()))
                .map(created -> RestResponse.ResponseBuilder.<OrganizationView>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<OrganizationView>> get(@PathParam("id") UUID id,
                                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                   @Context HttpHeaders headers) {
        return organizations.get(Callers.require(headers::getHeaderString), id)
                .map(view -> ETags.read(view, view.version(), ifNoneMatch));
    }

    @POST
    @Path("{id}/rename")
    public Uni<RestResponse<OrganizationView>> rename(@PathParam("id") UUID id, @NotNull @Valid RenameRequest request,
                                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return organizations.rename(Callers.require(headers::getHeaderString), id, request.name(), expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/move")
    public Uni<RestResponse<OrganizationView>> move(@PathParam("id") UUID id, @NotNull @Valid MoveRequest request,
                                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return organizations.move(Callers.require(headers::getHeaderString), id, request.parentId(), expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/dissolve")
    public Uni<RestResponse<OrganizationView>> dissolve(@PathParam("id") UUID id, @NotNull @Valid DissolveRequest request,
                                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                        @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return organizations.dissolve(Callers.require(headers::getHeaderString), id, request.dissolvedOn(),
                request.documentNumber().strip(), expected).map(v -> ETags.written(v, v.version()));
    }

    @GET
    @Path("{id}/descendants")
    public Uni<Page<OrganizationView>> descendants(@PathParam("id") UUID id,
                                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                   @QueryParam("cursor") String cursor,
                                                   @Context HttpHeaders headers) {
        return queries.descendants(Callers.require(headers::getHeaderString), id, limit, cursor);
    }

    @GET
    @Path("{id}/path")
    public Uni<List<OrganizationView>> path(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return queries.pathToRoot(Callers.require(headers::getHeaderString), id);
    }

    @GET
    @Path("{id}/history")
    public Uni<Page<OrganizationQueries.ChangeView>> history(@PathParam("id") UUID id,
                                                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                             @QueryParam("cursor") String cursor,
                                                             @Context HttpHeaders headers) {
        return queries.history(Callers.require(headers::getHeaderString), id, limit, cursor);
    }

    @GET
    @Path("{id}/member-counts")
    public Uni<OrganizationQueries.MemberCounts> memberCounts(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return queries.memberCounts(Callers.require(headers::getHeaderString), id);
    }

    @GET
    @Path("{id}/size-report")
    public Uni<Page<OrganizationQueries.SizeView>> sizeReport(@PathParam("id") UUID id,
                                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                              @QueryParam("cursor") String cursor,
                                                              @Context HttpHeaders headers) {
        return queries.sizeReport(Callers.require(headers::getHeaderString), id, limit, cursor);
    }
}
