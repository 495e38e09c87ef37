package sh.grassroots.stations.station.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.stations.booking.application.StationRulesCache;
import sh.grassroots.stations.station.application.CreateRoom;
import sh.grassroots.stations.station.application.RoomView;
import sh.grassroots.stations.station.application.StationService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/stations/{stationId}/rooms")
public class RoomResource {
    private final StationService stations;
    private final StationRulesCache rules;

    public RoomResource(StationService stations, StationRulesCache rules) {
        this.stations = stations;
        this.rules = rules;
    }

    public record CreateRequest(
            @NotBlank @Size(max = 200) String name,
            @Min(1) @Max(10000) int capacity,
            List<@NotBlank @Size(max = 100) String> facilities,
            boolean requiresApproval,
            @Min(0) @Max(43200) Integer minNoticeMinutes,
            @Min(0) @Max(730) Integer maxHorizonDays,
            @Min(1) @Max(1440) Integer minLengthMinutes,
            @Min(1) @Max(1440) Integer maxLengthMinutes,
            @Min(0) @Max(240) Integer bufferMinutes,
            @Min(0) @Max(43200) Integer cancellationDeadlineMinutes,
            @Min(0) @Max(1000) Integer weeklyQuota,
            @Min(0) @Max(1000) Integer monthlyQuota) {
    }

    @POST
    public Uni<RestResponse<RoomView>> create(@PathParam("stationId") UUID stationId,
                                              @NotNull @Valid CreateRequest request, UriInfo uri,
                                              @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return stations.addRoom(caller, stationId, new CreateRoom(request.name(), request.capacity(), request.facilities(),
                        request.requiresApproval(), request.minNoticeMinutes(), request.maxHorizonDays(),
                        request.minLengthMinutes(), request.maxLengthMinutes(), request.bufferMinutes(),
                        request.cancellationDeadlineMinutes(), request.weeklyQuota(), request.monthlyQuota()))
                .invoke(() -> rules.forget(stationId))
                .map(created -> RestResponse.ResponseBuilder.<RoomView>created(
                                uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    public Uni<List<RoomView>> list(@PathParam("stationId") UUID stationId, @Context HttpHeaders headers) {
        return stations.rooms(Callers.require(headers::getHeaderString), stationId);
    }

    @GET
    @Path("{roomId}")
    public Uni<RoomView> get(@PathParam("stationId") UUID stationId, @PathParam("roomId") UUID roomId,
                             @Context HttpHeaders headers) {
        return stations.room(Callers.require(headers::getHeaderString), stationId, roomId);
    }
}
