package sh.grassroots.training.enrolment.application;

import sh.grassroots.platform.rules.Rejection;

import java.util.UUID;

/** What became of one person's enrolment request; bulk enrolment answers one per person. */
public sealed interface EnrolmentOutcome permits EnrolmentOutcome.Placed, EnrolmentOutcome.Refused {

    record Placed(EnrolmentView enrolment) implements EnrolmentOutcome {
    }

    record Refused(UUID personId, Rejection rejection) implements EnrolmentOutcome {
    }
}
