package sh.grassroots.training.course.application;

import sh.grassroots.training.course.model.SessionPlan;
import sh.grassroots.training.course.model.VenueKind;

import java.util.UUID;

public record ScheduleSession(UUID courseId, SessionPlan plan, VenueKind venueKind, String venue,
                              UUID stationRoomId) {
}
