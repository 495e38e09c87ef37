package sh.grassroots.stations.station.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.station.application.StationDirectory;
import sh.grassroots.stations.station.model.StationSearch;

import java.util.List;

/**
 * {@code GET /api/v1/stations/directory}: the stations a phone browses or finds near where the
 * person stands ({@code latitude} and {@code longitude} together), optionally only in a district,
 * offering a service, or open now.
 */
@Path("/api/v1/stations/directory")
public class StationDirectoryResource {
    private final StationDirectory directory;

    public StationDirectoryResource(StationDirectory directory) {
        this.directory = directory;
    }

    @GET
    public Uni<Page<StationDirectory.StationCard>> find(
            @QueryParam("district") @Pattern(regexp = "31\\d{4}", message = "must be a 6-digit Shanghai district code") String district,
            @QueryParam("service") @Size(min = 1, max = 200) String service,
            @QueryParam("openNow") @DefaultValue("false") boolean openNow,
            @QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = 600) String cursor,
            @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        if ((latitude == null) != (longitude == null)) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "Near me needs both latitude and longitude",
                    List.of(new Problem.FieldError(latitude == null ? "latitude" : "longitude",
                            "must be given with " + (latitude == null ? "longitude" : "latitude")))));
        }
        boolean near = latitude != null;
        StationSearch.After after = null;
        if (cursor != null) {
            after = StationSearch.After.decode(Cursors.decode(cursor), near);
            if (after == null) {
                throw Cursors.invalid();
            }
        }
        return directory.find(caller, new StationSearch(district, service, openNow, latitude, longitude, limit, after));
    }
}
