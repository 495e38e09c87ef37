package sh.grassroots.training.common.persistence;

import jakarta.inject.Singleton;
import sh.grassroots.platform.web.FailureTranslator;
import sh.grassroots.platform.web.Problem;

import java.util.Optional;

/**
 * No connection came free within the pool's bounded wait, or its line was full
 * ({@link BoundedPoolWait}): the service is overloaded, not broken, and the client may try again
 * shortly — a 503, not a 500. Vert.x reports both with its own exception types, matched by name as
 * platform/persistence's DatabaseFailures does.
 */
@Singleton
public class PoolWaitTranslator implements FailureTranslator {
    private static final int MAX_DEPTH = 16;

    @Override
    public Optional<Problem> translate(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (poolGaveUp(t)) {
                return Optional.of(Problem.of(503, "database-busy", "Busy",
                        "Too many requests are waiting for the database right now; try again in a few seconds"));
            }
        }
        return Optional.empty();
    }

    static boolean poolGaveUp(Throwable t) {
        String name = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage();
        return name.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                || name.equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                || name.equals("io.vertx.core.impl.NoStackTraceThrowable") && message.contains("Timeout");
    }
}
