package sh.grassroots.org.common.application;

import sh.grassroots.org.common.model.Outcome;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

/** Turns a refusal of the model into the problem the client sees; the slug names the rule. */
public final class RuleProblems {
    private RuleProblems() {
    }

    public static ProblemException of(Outcome.Refused<?> refused, String title) {
        int status = refused.rule().dependsOnState() ? 409 : 422;
        return new ProblemException(Problem.of(status, refused.rule().slug(), title, refused.detail()));
    }
}
