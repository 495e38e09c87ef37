package sh.grassroots.platform.web;

import java.util.Optional;

/**
 * Turns a failure that no use case mapped into the client's problem, where the failure itself
 * says whose it is: a lost race at the database (another writer changed the row, a deadlock) is
 * a 409 the client may retry, not our fault. Beans implementing it are asked, in no particular
 * order, before a failure becomes a 500; platform/persistence provides the database's.
 */
public interface FailureTranslator {
    Optional<Problem> translate(Throwable failure);
}
