package sh.grassroots.training.course.application;

import sh.grassroots.training.course.model.SessionPlan;
import sh.grassroots.training.course.persistence.SessionEntity;

import java.util.UUID;

public record ScheduleSession(UUID courseId, SessionPlan plan, SessionEntity.VenueKind venueKind, String venue,
                              UUID stationRoomId) {
}
