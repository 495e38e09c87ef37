package sh.grassroots.org.conference.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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
import sh.grassroots.org.common.api.Versions;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.conference.application.ChairRoster;
import sh.grassroots.org.conference.application.ConferenceService;
import sh.grassroots.org.conference.application.Marketplace;
import sh.grassroots.org.conference.application.ProjectService;
import sh.grassroots.org.conference.application.UnitStaffService;
import sh.grassroots.org.conference.application.UnitStaffService.StaffView;
import sh.grassroots.org.conference.application.Views.ChairTermView;
import sh.grassroots.org.conference.application.Views.ChairView;
import sh.grassroots.org.conference.application.Views.ConferenceView;
import sh.grassroots.org.conference.application.Views.ListingView;
import sh.grassroots.org.conference.application.Views.ProjectView;
import sh.grassroots.org.conference.application.Views.Proposals;
import sh.grassroots.org.conference.application.Views.UnitView;
import sh.grassroots.org.conference.model.Category;
import sh.grassroots.org.conference.model.ListingKind;
import sh.grassroots.org.conference.model.ListingStatus;
import sh.grassroots.org.conference.model.ProjectStatus;
import sh.grassroots.org.conference.model.Sector;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 区域化党建联席会议: conferences, their member units, the rotating chair, offers and needs,
 * the matches proposed between them and the co-built projects accepted from them, and the units'
 * staff registered as learners. Any person
 * reads; the host district's office (its admin or organizers) writes: the use cases decide (see
 * OrgAccessPolicy).
 */
@Path("/api/v1/orgs/conferences")
public class ConferenceResource {
    private final ConferenceService conferences;
    private final ChairRoster roster;
    private final Marketplace marketplace;
    private final ProjectService projects;
    private final UnitStaffService staff;

    public ConferenceResource(ConferenceService conferences, ChairRoster roster, Marketplace marketplace,
                              ProjectService projects, UnitStaffService staff) {
        this.conferences = conferences;
        this.roster = roster;
        this.marketplace = marketplace;
        this.projects = projects;
        this.staff = staff;
    }

    public record CreateRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code") String hostDistrict,
            @NotNull LocalDate foundedOn) {
    }

    public record JoinRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Sector sector,
            UUID organizationId,
            @NotNull LocalDate joinedOn) {
    }

    public record LeaveRequest(@NotNull LocalDate leftOn) {
    }

    /**
     * A unit's staff member as a learner. {@code memberId} links a registered party member (their
     * name is taken from the record when {@code name} is absent); otherwise {@code name} is needed
     * and {@code partyMember} says whether they are one (a member whose record is kept elsewhere).
     */
    public record StaffRequest(
            @Size(max = 100) String name,
            @Size(max = 20) String phone,
            Boolean partyMember,
            UUID memberId) {
    }

    public record ChairTermRequest(@NotNull UUID unitId, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    public record ListingRequest(
            @NotNull UUID unitId,
            @NotNull Category category,
            @NotBlank @Size(max = 1000) String description,
            @NotNull Integer quantity,
            @NotNull LocalDate availableFrom,
            @NotNull LocalDate availableUntil) {
    }

    public record MatchBody(@NotNull UUID offerId, @NotNull UUID needId, Integer quantity) {
    }

    public record ProjectRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid MatchBody> matches) {
    }

    /** {@code on} defaults to today. */
    public record TransitionRequest(LocalDate on) {
    }

    // Conferences

    @POST
    public Uni<RestResponse<ConferenceView>> create(@NotNull @Valid CreateRequest request, UriInfo uri,
                                                    @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.create(caller, request.name(), request.hostDistrict(), request.foundedOn())
                .map(created -> created(uri, created.id(), created, created.version()));
    }

    @GET
    public Uni<Page<ConferenceView>> list(@QueryParam("hostDistrict") String hostDistrict,
                                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                          @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.list(caller, hostDistrict, limit, cursor);
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<ConferenceView>> get(@PathParam("id") UUID id,
                                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                 @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.get(caller, id)
                .map(view -> Versions.read(view, view.version(), ifNoneMatch));
    }

    // Member units

    @POST
    @Path("{id}/units")
    public Uni<RestResponse<UnitView>> join(@PathParam("id") UUID id, @NotNull @Valid JoinRequest request, UriInfo uri,
                                            @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.join(caller, id, new ConferenceService.NewUnit(request.name(), request.sector(),
                        request.organizationId(), request.joinedOn()))
                .map(unit -> created(uri, unit.id(), unit, unit.version()));
    }

    @GET
    @Path("{id}/units")
    public Uni<Page<UnitView>> units(@PathParam("id") UUID id, @QueryParam("activeOn") String activeOn,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                     @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.units(caller, id, date("activeOn", activeOn), limit, cursor);
    }

    @GET
    @Path("{id}/units/{unitId}")
    public Uni<RestResponse<UnitView>> unit(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
                                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                            @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.unit(caller, id, unitId)
                .map(view -> Versions.read(view, view.version(), ifNoneMatch));
    }

    @POST
    @Path("{id}/units/{unitId}/leave")
    public Uni<RestResponse<UnitView>> leave(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
                                             @NotNull @Valid LeaveRequest request,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return conferences.leave(caller, id, unitId, request.leftOn(), Versions.expected(ifMatch))
                .map(v -> Versions.written(v, v.version()));
    }

    // A unit's staff registered as learners (金融研修院)

    @POST
    @Path("{id}/units/{unitId}/staff")
    public Uni<RestResponse<StaffView>> registerStaff(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
                                                      @NotNull @Valid StaffRequest request, UriInfo uri,
                                                      @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return staff.register(caller, id, unitId, new UnitStaffService.NewStaff(request.name(), request.phone(),
                        request.partyMember(), request.memberId()))
                .map(view -> created(uri, view.personId(), view, view.version()));
    }

    /** The unit's learners registered now, oldest registration first. */
    @GET
    @Path("{id}/units/{unitId}/staff")
    public Uni<Page<StaffView>> staff(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                      @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return staff.list(caller, id, unitId, limit, cursor);
    }

    @GET
    @Path("{id}/units/{unitId}/staff/{personId}")
    public Uni<RestResponse<StaffView>> staffMember(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
                                                    @PathParam("personId") UUID personId,
                                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                    @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return staff.get(caller, id, unitId, personId).map(view -> Versions.read(view, view.version(), ifNoneMatch));
    }

    /** Ends the person's registration today (the record stays); training hears it from UnitStaffLeft. */
    @DELETE
    @Path("{id}/units/{unitId}/staff/{personId}")
    public Uni<RestResponse<StaffView>> endStaff(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
                                                 @PathParam("personId") UUID personId, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return staff.end(caller, id, unitId, personId).map(view -> Versions.written(view, view.version()));
    }

    // Rotating chair

    @POST
    @Path("{id}/chair-terms")
    public Uni<RestResponse<ChairTermView>> schedule(@PathParam("id") UUID id, @NotNull @Valid ChairTermRequest request,
                                                     UriInfo uri, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return roster.schedule(caller, id, request.unitId(), request.startsOn(), request.endsOn())
                .map(term -> RestResponse.ResponseBuilder.<ChairTermView>created(
                                uri.getAbsolutePathBuilder().path(term.id().toString()).build())
                        .entity(term).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}/chair-terms")
    public Uni<Page<ChairTermView>> roster(@PathParam("id") UUID id,
                                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                           @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return roster.roster(caller, id, limit, cursor);
    }

    /** The chair on {@code on} (YYYY-MM-DD), today when absent. */
    @GET
    @Path("{id}/chair")
    public Uni<ChairView> chair(@PathParam("id") UUID id, @QueryParam("on") String on, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return roster.chairOn(caller, id, date("on", on));
    }

    // Offers (有什么) and needs (要什么)

    @POST
    @Path("{id}/offers")
    public Uni<RestResponse<ListingView>> offer(@PathParam("id") UUID id, @NotNull @Valid ListingRequest request,
                                                UriInfo uri, @Context HttpHeaders headers) {
        return post(id, ListingKind.OFFER, request, uri, headers);
    }

    @POST
    @Path("{id}/needs")
    public Uni<RestResponse<ListingView>> need(@PathParam("id") UUID id, @NotNull @Valid ListingRequest request,
                                               UriInfo uri, @Context HttpHeaders headers) {
        return post(id, ListingKind.NEED, request, uri, headers);
    }

    private Uni<RestResponse<ListingView>> post(UUID id, ListingKind kind, ListingRequest request, UriInfo uri,
                                                HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.post(caller, id, kind, new Marketplace.NewListing(request.unitId(), request.category(),
                        request.description(), request.quantity(), request.availableFrom(), request.availableUntil()))
                .map(listing -> created(uri, listing.id(), listing, listing.version()));
    }

    @GET
    @Path("{id}/offers")
    public Uni<Page<ListingView>> offers(@PathParam("id") UUID id, @QueryParam("status") String status,
                                         @QueryParam("category") String category, @QueryParam("unitId") UUID unitId,
                                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                         @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.list(caller, id, ListingKind.OFFER,
                option("status", status, ListingStatus.class),
                option("category", category, Category.class), unitId, limit, cursor);
    }

    @GET
    @Path("{id}/needs")
    public Uni<Page<ListingView>> needs(@PathParam("id") UUID id, @QueryParam("status") String status,
                                        @QueryParam("category") String category, @QueryParam("unitId") UUID unitId,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                        @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.list(caller, id, ListingKind.NEED,
                option("status", status, ListingStatus.class),
                option("category", category, Category.class), unitId, limit, cursor);
    }

    @GET
    @Path("{id}/offers/{listingId}")
    public Uni<RestResponse<ListingView>> getOffer(@PathParam("id") UUID id, @PathParam("listingId") UUID listingId,
                                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                   @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.get(caller, id, ListingKind.OFFER, listingId)
                .map(v -> Versions.read(v, v.version(), ifNoneMatch));
    }

    @GET
    @Path("{id}/needs/{listingId}")
    public Uni<RestResponse<ListingView>> getNeed(@PathParam("id") UUID id, @PathParam("listingId") UUID listingId,
                                                  @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                  @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.get(caller, id, ListingKind.NEED, listingId)
                .map(v -> Versions.read(v, v.version(), ifNoneMatch));
    }

    @POST
    @Path("{id}/offers/{listingId}/withdraw")
    public Uni<RestResponse<ListingView>> withdrawOffer(@PathParam("id") UUID id, @PathParam("listingId") UUID listingId,
                                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                        @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.withdraw(caller, id, ListingKind.OFFER, listingId, Versions.expected(ifMatch))
                .map(v -> Versions.written(v, v.version()));
    }

    @POST
    @Path("{id}/needs/{listingId}/withdraw")
    public Uni<RestResponse<ListingView>> withdrawNeed(@PathParam("id") UUID id, @PathParam("listingId") UUID listingId,
                                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.withdraw(caller, id, ListingKind.NEED, listingId, Versions.expected(ifMatch))
                .map(v -> Versions.written(v, v.version()));
    }

    /** Proposed offer/need pairs, best first; not stored: accept some by posting a project. */
    @GET
    @Path("{id}/matches")
    public Uni<Proposals> matches(@PathParam("id") UUID id, @QueryParam("category") String category,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                  @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return marketplace.proposals(caller, id, option("category", category, Category.class), limit);
    }

    // Co-built projects (共建项目)

    @POST
    @Path("{id}/projects")
    public Uni<RestResponse<ProjectView>> propose(@PathParam("id") UUID id, @NotNull @Valid ProjectRequest request,
                                                  UriInfo uri, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return projects.propose(caller, id, request.name(), request.description(), request.matches().stream()
                        .map(m -> new ProjectService.MatchRequest(m.offerId(), m.needId(), m.quantity())).toList())
                .map(project -> created(uri, project.id(), project, project.version()));
    }

    @GET
    @Path("{id}/projects")
    public Uni<Page<ProjectView>> projects(@PathParam("id") UUID id, @QueryParam("status") String status,
                                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                           @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return projects.list(caller, id, option("status", status, ProjectStatus.class), limit, cursor);
    }

    @GET
    @Path("{id}/projects/{projectId}")
    public Uni<RestResponse<ProjectView>> project(@PathParam("id") UUID id, @PathParam("projectId") UUID projectId,
                                                  @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                  @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return projects.get(caller, id, projectId)
                .map(v -> Versions.read(v, v.version(), ifNoneMatch));
    }

    @POST
    @Path("{id}/projects/{projectId}/activate")
    public Uni<RestResponse<ProjectView>> activate(@PathParam("id") UUID id, @PathParam("projectId") UUID projectId,
                                                   @Valid TransitionRequest request,
                                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                   @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return projects.activate(caller, id, projectId, request == null ? null : request.on(), Versions.expected(ifMatch))
                .map(v -> Versions.written(v, v.version()));
    }

    @POST
    @Path("{id}/projects/{projectId}/close")
    public Uni<RestResponse<ProjectView>> close(@PathParam("id") UUID id, @PathParam("projectId") UUID projectId,
                                                @Valid TransitionRequest request,
                                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return projects.close(caller, id, projectId, request == null ? null : request.on(), Versions.expected(ifMatch))
                .map(v -> Versions.written(v, v.version()));
    }

    private static <T> RestResponse<T> created(UriInfo uri, UUID id, T entity, long version) {
        URI location = uri.getAbsolutePathBuilder().path(id.toString()).build();
        return RestResponse.ResponseBuilder.<T>created(location).entity(entity).type(MediaType.APPLICATION_JSON)
                .header("ETag", Versions.etag(version)).build();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.withErrors(400, "invalid-field", "Invalid field value",
                "Field " + field + " " + message, List.of(new Problem.FieldError(field, message))));
    }
}
