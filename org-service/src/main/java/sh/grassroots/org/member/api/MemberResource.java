package sh.grassroots.org.member.api;

import sh.grassroots.platform.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.member.application.MemberService;
import sh.grassroots.org.member.application.MemberView;
import sh.grassroots.org.member.application.RegisterMember;
import sh.grassroots.org.member.model.LeaveReason;
import sh.grassroots.org.member.model.MemberStatus;
import sh.grassroots.org.search.application.NameSearch;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Scopes (decided by MemberService, see OrgAccessPolicy): registering, status changes and leaving need MANAGE_MEMBERS at the
 * member's home (branch secretary of that branch, organizer above it, the district's admin); a
 * member's record is read by the member themselves or with READ_SUBTREE at their home.
 */
@Path("/api/v1/orgs/members")
public class MemberResource {
    private final MemberService members;

    private final NameSearch search;

    public MemberResource(MemberService members, NameSearch search) {
        this.members = members;
        this.search = search;
    }

    /**
     * Current members whose name contains {@code q}, within the caller's district (district admin)
     * or subtree (organizer, branch secretary); by name, keyset pages.
     */
    @GET
    @Path("search")
    public Uni<Page<NameSearch.MemberHit>> search(@QueryParam("q") @NotBlank @Size(max = 100) String q,
                                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                                  @QueryParam("cursor") @Size(max = 600) String cursor,
                                                  @Context HttpHeaders headers) {
        return search.members(Callers.require(headers::getHeaderString), q, limit, cursor);
    }

    /** {@code fullSince} absent registers a probationary member. */
    public record RegisterRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String idNumber,
            String phone,
            @NotNull UUID homeOrganizationId,
            @NotNull LocalDate admittedOn,
            LocalDate fullSince) {
    }

    public record StatusRequest(@NotNull MemberStatus status, @NotNull LocalDate effectiveOn) {
    }

    public record LeaveRequest(@NotNull LocalDate leftOn, @NotNull LeaveReason reason) {
    }

    @POST
    public Uni<RestResponse<MemberView>> register(@NotNull @Valid RegisterRequest request, UriInfo uri,
                                                  @Context HttpHeaders headers) {
        return members.register(Callers.require(headers::getHeaderString), new RegisterMember(request.name(),
                        request.idNumber(), request.phone(), request.homeOrganizationId(), request.admittedOn(),
                        request.fullSince()))
                .map(created -> RestResponse.ResponseBuilder.<MemberView>created(
                                uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON)
                        .header("ETag", ETags.of(created.version())).build());
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<MemberView>> get(@PathParam("id") UUID id,
                                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                             @Context HttpHeaders headers) {
        return members.get(Callers.require(headers::getHeaderString), id).map(view -> ETags.read(view, view.version(), ifNoneMatch));
    }

    /**
     * The active members whose home is the given organization; with {@code subtree=true}, whose
     * home is it or any organization below it (a district's or a committee's whole list).
     */
    @GET
    public Uni<Page<MemberView>> list(@QueryParam("homeOrganizationId") @NotNull UUID homeOrganizationId,
                                      @QueryParam("subtree") @DefaultValue("false") boolean subtree,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                      @QueryParam("cursor") String cursor,
                                      @Context HttpHeaders headers) {
        var caller = Callers.require(headers::getHeaderString);
        return subtree
                ? members.membersWithin(caller, homeOrganizationId, limit, cursor)
                : members.membersOf(caller, homeOrganizationId, limit, cursor);
    }

    /** {@code phone} null removes the number. */
    public record PhoneRequest(@Size(max = 20) String phone) {
    }

    /** The member themselves or their branch's secretary (and those above) change the phone. */
    @PUT
    @Path("{id}/phone")
    public Uni<RestResponse<MemberView>> changePhone(@PathParam("id") UUID id, @NotNull @Valid PhoneRequest request,
                                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                     @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return members.changePhone(Callers.require(headers::getHeaderString), id, request.phone(), expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/status")
    public Uni<RestResponse<MemberView>> changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusRequest request,
                                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return members.changeStatus(Callers.require(headers::getHeaderString), id, request.status(),
                        request.effectiveOn(), expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/leave")
    public Uni<RestResponse<MemberView>> leave(@PathParam("id") UUID id, @NotNull @Valid LeaveRequest request,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return members.leave(Callers.require(headers::getHeaderString), id, request.leftOn(), request.reason(),
                        expected)
                .map(v -> ETags.written(v, v.version()));
    }
}
