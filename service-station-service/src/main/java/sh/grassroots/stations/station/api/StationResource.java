package sh.grassroots.stations.station.api;

import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.RuleKind;
import sh.grassroots.platform.rules.Rule;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.booking.application.StationRulesCache;
import sh.grassroots.stations.station.application.CreateStation;
import sh.grassroots.stations.station.application.ManagersView;
import sh.grassroots.stations.station.application.StationService;
import sh.grassroots.stations.station.application.StationView;
import sh.grassroots.stations.station.model.DailyHours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/stations")
public class StationResource {
    private static final Rule CLOSURE_END_NOT_AFTER_START = Rule.of("closure-end-not-after-start", RuleKind.INVALID);

    private final StationService stations;
    private final StationRulesCache rules;

    /** {@code rules}: what a booking is judged by, this replica's copy; forgotten after each change here. */
    public StationResource(StationService stations, StationRulesCache rules) {
        this.stations = stations;
        this.rules = rules;
    }

    public record HoursRequest(@NotNull DayOfWeek weekday, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    public record CreateRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "31\\d{4}", message = "must be a 6-digit Shanghai district code") String districtCode,
            @NotBlank @Size(max = 500) String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            List<@NotBlank @Size(max = 200) String> hostUnits,
            List<@NotBlank @Size(max = 200) String> services,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> managers,
            @NotEmpty List<@NotNull @Valid HoursRequest> openingHours) {
    }

    public record ClosureRequest(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
                                 @NotBlank @Size(max = 500) String reason) {
    }

    /** The admin of {@code districtCode} sets up a station, optionally naming its managers (subjects). */
    @POST
    public Uni<RestResponse<StationView>> create(@NotNull @Valid CreateRequest request, UriInfo uri,
                                                 @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return stations.create(caller, new CreateStation(request.name(), request.districtCode(), request.address(),
                        request.latitude(), request.longitude(), request.hostUnits(), request.services(),
                        request.managers(), hours(request.openingHours())))
                .map(created -> RestResponse.ResponseBuilder.<StationView>created(
                                uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON).build());
    }

    /** The stations the caller runs (named manager, or admin of the station's district); empty for anyone else. */
    @GET
    public Uni<List<StationService.StationSummary>> runByMe(@Context HttpHeaders headers) {
        return stations.runByCaller(Callers.require(headers::getHeaderString));
    }

    @GET
    @Path("{stationId}")
    public Uni<StationView> get(@PathParam("stationId") UUID stationId, @Context HttpHeaders headers) {
        return stations.get(Callers.require(headers::getHeaderString), stationId);
    }

    /** The people named to run the station: for those who run it. */
    @GET
    @Path("{stationId}/managers")
    public Uni<ManagersView> managers(@PathParam("stationId") UUID stationId, @Context HttpHeaders headers) {
        return stations.managers(Callers.require(headers::getHeaderString), stationId);
    }

    /** Names {@code subject} (a person's token subject) a manager: the admin of the station's district. */
    @PUT
    @Path("{stationId}/managers/{subject}")
    public Uni<ManagersView> addManager(@PathParam("stationId") UUID stationId,
                                        @PathParam("subject") @Size(min = 1, max = 200) String subject,
                                        @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return stations.addManager(caller, stationId, subject(subject)).invoke(() -> rules.forget(stationId));
    }

    @DELETE
    @Path("{stationId}/managers/{subject}")
    public Uni<ManagersView> removeManager(@PathParam("stationId") UUID stationId,
                                           @PathParam("subject") @Size(min = 1, max = 200) String subject,
                                           @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return stations.removeManager(caller, stationId, subject(subject)).invoke(() -> rules.forget(stationId));
    }

    private static String subject(String subject) {
        if (subject.isBlank()) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "A manager is named by a token subject", List.of(new Problem.FieldError("subject", "must not be blank"))));
        }
        return subject.strip();
    }

    @POST
    @Path("{stationId}/closures")
    public Uni<RestResponse<StationView.ClosureView>> close(@PathParam("stationId") UUID stationId,
                                                            @NotNull @Valid ClosureRequest request,
                                                            @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        if (!request.end().isAfter(request.start())) {
            throw Rejections.exception(CLOSURE_END_NOT_AFTER_START.rejects("The end of the closure is not after its start"),
                    "end", "must be after start");
        }
        return stations.addClosure(caller, stationId, request.start(), request.end(), request.reason())
                .invoke(() -> rules.forget(stationId))
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, c));
    }

    private static Map<DayOfWeek, DailyHours> hours(List<HoursRequest> rows) {
        Map<DayOfWeek, DailyHours> byDay = new EnumMap<>(DayOfWeek.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            HoursRequest row = rows.get(i);
            if (!row.closes().isAfter(row.opens())) {
                errors.add(new Problem.FieldError("openingHours[" + i + "].closes", "must be after opens"));
            } else if (byDay.put(row.weekday(), new DailyHours(row.opens(), row.closes())) != null) {
                errors.add(new Problem.FieldError("openingHours[" + i + "].weekday", "given twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "Some opening hours are invalid", errors));
        }
        return byDay;
    }
}
