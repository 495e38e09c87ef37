package sh.grassroots.training.session.application;

import sh.grassroots.training.session.model.SessionPlan;
import sh.grassroots.training.course.model.VenueKind;

import java.util.UUID;

public record ScheduleSession(UUID courseId, SessionPlan plan, VenueKind venueKind, String venue,
                              UUID stationRoomId) {
}
