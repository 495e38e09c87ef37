package sh.grassroots.platform.persistence;

import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import sh.grassroots.platform.web.FailureTranslator;
import sh.grassroots.platform.web.Problem;

import java.util.Optional;

/**
 * The database's failures that a use case did not map and that are still no fault of ours: a lost
 * race (a version check failed, a deadlock, a serialization failure, a lock not granted) is 409
 * {@code changed-concurrently}, which the client may retry after reading again; a value the
 * database cannot take (SQLSTATE class 22) is 400 {@code invalid-value}. The second is a net under
 * the JSON reader's checks ({@code platform/web} StorableValues), which name the field: reaching
 * it means a check is missing, so it is logged.
 */
@Singleton
public class DatabaseConflicts implements FailureTranslator {
    private static final Logger LOG = Logger.getLogger(DatabaseConflicts.class);

    @Override
    public Optional<Problem> translate(Throwable failure) {
        if (DatabaseFailures.isOptimisticLock(failure)) {
            return Optional.of(changedConcurrently());
        }
        String state = DatabaseFailures.sqlState(failure);
        if (state == null) {
            return Optional.empty();
        }
        if (state.equals(DatabaseFailures.DEADLOCK) || state.equals(DatabaseFailures.SERIALIZATION_FAILURE)
                || state.equals(DatabaseFailures.LOCK_NOT_AVAILABLE)) {
            LOG.infof("A request lost a race at the database (SQLSTATE %s)", state);
            return Optional.of(changedConcurrently());
        }
        if (state.startsWith(DatabaseFailures.DATA_EXCEPTION_CLASS)) {
            LOG.warnf(failure, "A value reached the database that it cannot take (SQLSTATE %s)", state);
            return Optional.of(Problem.of(400, "invalid-value", "Invalid value",
                    "A value in the request cannot be stored"));
        }
        return Optional.empty();
    }

    public static Problem changedConcurrently() {
        return Problem.of(409, "changed-concurrently", "Changed at the same moment",
                "Another request changed the same record at the same moment; read it again and retry");
    }
}
