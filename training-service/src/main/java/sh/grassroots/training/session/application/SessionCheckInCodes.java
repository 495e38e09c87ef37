package sh.grassroots.training.session.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.enrolment.model.CheckInCode;
import sh.grassroots.training.session.persistence.SessionEntity;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The codes a session's screen shows for self check-in, derived from the session's secret, which
 * never leaves this feature. In the caller's session: after {@link SessionSeats#lock} the session
 * is read from it without another statement.
 */
@ApplicationScoped
public class SessionCheckInCodes {
    private final Clock clock;

    public SessionCheckInCodes(Clock clock) {
        this.clock = clock;
    }

    /** The code to show right now; a 404 for an unknown session. */
    public Uni<CheckInCode.Shown> current(UUID sessionId) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .map(session -> CheckInCode.current(session.checkInSecret, session.id, clock));
    }

    /** Why {@code code} does not check anyone in to the session now (old, or wrong), if it does not. */
    public Uni<Optional<Rejection>> verify(UUID sessionId, String code) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .map(session -> CheckInCode.verify(session.checkInSecret, session.id, code, clock));
    }
}
