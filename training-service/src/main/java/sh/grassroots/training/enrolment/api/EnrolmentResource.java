package sh.grassroots.training.enrolment.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.training.enrolment.application.CancelEnrolment;
import sh.grassroots.training.enrolment.application.EnrolmentQueries;
import sh.grassroots.training.enrolment.application.OfferFreedSeats;
import sh.grassroots.training.enrolment.application.EnrolmentView;

import java.util.UUID;

@Path("/api/v1/training/enrolments")
public class EnrolmentResource {
    private final EnrolmentQueries enrolments;
    private final CancelEnrolment cancellations;
    private final OfferFreedSeats offers;

    public EnrolmentResource(EnrolmentQueries enrolments, CancelEnrolment cancellations, OfferFreedSeats offers) {
        this.cancellations = cancellations;
        this.offers = offers;
        this.enrolments = enrolments;
    }

    /** Who cancels is not part of the body: it is the caller the gateway names in the X-Caller-* headers. */
    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @GET
    @Path("{id}")
    public Uni<EnrolmentView> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return enrolments.get(Callers.require(headers::getHeaderString), id);
    }

    @POST
    @Path("{id}/cancellation")
    public Uni<EnrolmentView> cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest r,
                                     @Context HttpHeaders headers) {
        return cancellations.cancel(Callers.require(headers::getHeaderString), id, r.reason());
    }

    /** The person takes the seat held for them. */
    @POST
    @Path("{id}/acceptance")
    public Uni<EnrolmentView> accept(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return offers.accept(Callers.require(headers::getHeaderString), id);
    }
}
