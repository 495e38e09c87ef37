package sh.grassroots.training.common.application;

import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.common.model.Rejection;

import java.util.Set;

/** Turns a broken rule into the problem the client sees: the rule's code is the type slug. */
public final class Rejections {
    /** Rules whose breach is a clash with the current state rather than a request that can never succeed. */
    private static final Set<String> CONFLICTS = Set.of("already-enrolled", "hold-expired", "enrolment-not-cancellable",
            "credit-already-awarded", "credit-already-reversed", "not-enrolled", "offer-not-open",
            "attendance-already-recorded", "session-already-cancelled", "session-already-started",
            "venue-not-confirmed");

    private Rejections() {
    }

    public static ProblemException problem(Rejection rejection) {
        String code = rejection.code();
        int status = CONFLICTS.contains(code) ? 409 : 422;
        return new ProblemException(Problem.of(status, rejection.code(), title(rejection.code()), rejection.detail()));
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
