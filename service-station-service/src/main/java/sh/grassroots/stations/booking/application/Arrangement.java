package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.access.Refusal;
import sh.grassroots.stations.access.model.StationAccessPolicy;

import java.util.Optional;

/** What a new booking is for, which decides who may place it. */
public enum Arrangement {
    /** A room booked by or for its booker (or a walk-in at the desk). */
    BOOKING,
    /** A mediation session: arranged by the booker's side or by the station hosting the platform. */
    MEDIATION;

    Optional<Refusal> ask(StationAccessPolicy policy, StationAccessPolicy.Station station,
                          StationAccessPolicy.Booker booker) {
        return this == BOOKING ? policy.book(station, booker) : policy.mediation(station, booker);
    }
}
