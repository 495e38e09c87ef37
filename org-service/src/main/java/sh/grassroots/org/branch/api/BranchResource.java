package sh.grassroots.org.branch.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.org.affiliation.application.AffiliationService;
import sh.grassroots.org.affiliation.application.AffiliationView;
import sh.grassroots.org.affiliation.application.CandidateView;
import sh.grassroots.org.branch.application.BranchFormService;
import sh.grassroots.org.branch.application.BranchFormView;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a functional or temporary branch does beyond an ordinary one: candidates, affiliations,
 * re-checks, extensions. The form itself is set when the branch is created
 * ({@code POST /api/v1/orgs/organizations} with {@code form}). Managing affiliations needs
 * MANAGE_MEMBERS at the branch (its secretary, an organizer above it, the district admin);
 * extending a temporary branch restructures the tree (MANAGE_STRUCTURE).
 */
@Path("/api/v1/orgs/branches")
public class BranchResource {
    private final BranchFormService forms;
    private final AffiliationService affiliations;

    public BranchResource(BranchFormService forms, AffiliationService affiliations) {
        this.forms = forms;
        this.affiliations = affiliations;
    }

    public record ExtendRequest(@NotNull LocalDate plannedEndOn) {
    }

    public record CriteriaRequest(@NotBlank @Size(max = 2000) String criteria) {
    }

    public record AffiliateRequest(@NotEmpty @Size(max = 200) List<@NotNull UUID> memberIds) {
    }

    public record AffiliatedList(List<AffiliationView> items) {
    }

    @POST
    @Path("{id}/extend")
    public Uni<BranchFormView> extend(@PathParam("id") UUID id, @NotNull @Valid ExtendRequest request,
                                      @Context HttpHeaders headers) {
        return forms.extend(Callers.require(headers::getHeaderString), id, request.plannedEndOn());
    }

    /** New criteria for a functional branch; affiliations that no longer meet them end (CRITERIA_NO_LONGER_MET). */
    @PUT
    @Path("{id}/criteria")
    public Uni<BranchFormService.CriteriaChange> changeCriteria(@PathParam("id") UUID id,
                                                               @NotNull @Valid CriteriaRequest request,
                                                               @Context HttpHeaders headers) {
        return forms.changeCriteria(Callers.require(headers::getHeaderString), id, request.criteria());
    }

    /** Members of the branch's unit who meet its criteria and are not affiliated yet. */
    @GET
    @Path("{id}/candidates")
    public Uni<Page<CandidateView>> candidates(@PathParam("id") UUID id,
                                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                               @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        return affiliations.candidates(Callers.require(headers::getHeaderString), id, limit, cursor);
    }

    /** Affiliates one or many members, all or none. */
    @POST
    @Path("{id}/affiliations")
    public Uni<AffiliatedList> affiliate(@PathParam("id") UUID id, @NotNull @Valid AffiliateRequest request,
                                         @Context HttpHeaders headers) {
        return affiliations.affiliate(Callers.require(headers::getHeaderString), id, request.memberIds())
                .map(AffiliatedList::new);
    }

    @GET
    @Path("{id}/affiliations")
    public Uni<Page<AffiliationView>> affiliations(@PathParam("id") UUID id,
                                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                   @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        return affiliations.affiliationsAt(Callers.require(headers::getHeaderString), id, limit, cursor);
    }

    @POST
    @Path("{id}/affiliations/{memberId}/end")
    public Uni<AffiliationView> end(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
                                    @Context HttpHeaders headers) {
        return affiliations.end(Callers.require(headers::getHeaderString), id, memberId);
    }

    /** Ends the affiliations of members who no longer meet the criteria. */
    @POST
    @Path("{id}/recheck")
    public Uni<AffiliationService.RecheckView> recheck(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return affiliations.recheck(Callers.require(headers::getHeaderString), id);
    }
}
