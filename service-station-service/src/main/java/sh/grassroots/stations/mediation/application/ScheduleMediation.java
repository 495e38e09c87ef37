package sh.grassroots.stations.mediation.application;

import sh.grassroots.stations.booking.model.BookerKind;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A mediation session as asked for; the roles and family are checked by the model, not here. */
public record ScheduleMediation(UUID stationId, UUID roomId, OffsetDateTime start, OffsetDateTime end, String site,
                                BookerKind bookerKind, UUID bookerId, String bookerName,
                                String residentsSecretary, String expropriationOfficer, String lawyer,
                                List<String> familyNames, String familyPhone) {
}
