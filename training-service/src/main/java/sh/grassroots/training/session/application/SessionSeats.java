package sh.grassroots.training.session.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.session.persistence.EligibilityRows;
import sh.grassroots.training.session.persistence.Seats;

import java.util.Map;
import java.util.UUID;

/**
 * A session's seats and rules as other features' use cases need them, in the caller's session and
 * transaction: the lock every change of a session's seats takes first, the seat and arrival
 * counters, and who may enrol. Each call is the statement {@link Seats} runs; nothing is added.
 */
@ApplicationScoped
public class SessionSeats {
    private final Seats seats;
    private final EligibilityRows eligibilityRows;
    private final CourseService courses;

    public SessionSeats(Seats seats, EligibilityRows eligibilityRows, CourseService courses) {
        this.seats = seats;
        this.eligibilityRows = eligibilityRows;
        this.courses = courses;
    }

    /** Locks the session row for the rest of the transaction; null for an unknown session. */
    public Uni<LockedSession> lock(UUID sessionId) {
        return seats.lock(sessionId).map(s -> s == null ? null : LockedSession.of(s));
    }

    /** As {@link #lock}, an unknown session being the caller's 404. */
    public Uni<LockedSession> lockKnown(UUID sessionId) {
        return lock(sessionId).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId));
    }

    /** The course of a session, read without loading (or locking) the session; a 404 for an unknown session. */
    public Uni<UUID> courseOf(UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select course_id::text from training_session where id = ?1")
                        .setParameter(1, sessionId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .map(id -> UUID.fromString(id.toString()));
    }

    /** Who may enrol in the course's sessions. */
    public Uni<Eligibility> eligibilityOfCourse(UUID courseId) {
        return courses.summary(courseId).chain(course -> eligibilityRows.load(course.id(), course.kind()));
    }

    /** The next arrival position in the session; call with the session locked. */
    public Uni<Long> nextPosition(UUID sessionId) {
        return seats.nextPosition(sessionId);
    }

    /** Takes one seat if the session (and the group's quota) has one; false when there is none. */
    public Uni<Boolean> claim(UUID sessionId, UUID group, int quota) {
        return seats.claim(sessionId, group, quota);
    }

    public Uni<Void> release(UUID sessionId, UUID group) {
        return seats.release(sessionId, group);
    }

    /** Seats still free in the session right now (within this transaction). */
    public Uni<Integer> free(UUID sessionId) {
        return seats.free(sessionId);
    }

    /** Seats taken per quota group, for groups that have taken any. */
    public Uni<Map<UUID, Integer>> takenByGroup(UUID sessionId) {
        return seats.takenByGroup(sessionId);
    }
}
