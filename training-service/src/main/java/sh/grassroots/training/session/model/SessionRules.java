package sh.grassroots.training.session.model;

import sh.grassroots.training.enrolment.model.EnrolmentRules;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.venue.model.VenueSaga;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a session's enrolment rules need of the session and its course, as of {@code rulesVersion}:
 * kept by a replica between requests, valid only while the session row still carries that number.
 * Seats are not in it: they change with every enrolment and are decided by the database.
 */
public record SessionRules(UUID sessionId, UUID courseId, long rulesVersion, boolean open, Instant opensAt,
                           Instant closesAt, VenueSaga.Stage venue, SeatQuota quota, Eligibility eligibility) {
    public SessionRules {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(eligibility, "eligibility");
    }

    /** The first rule {@code learner} breaks by enrolling at {@code now}, if any. */
    public Optional<Rejection> check(Instant now, Learner learner, boolean alreadyEnrolled) {
        return EnrolmentRules.check(new EnrolmentRules.Request(now, opensAt, closesAt, open, alreadyEnrolled, quota,
                learner, eligibility, venue));
    }

    /** Seats shared out per unit or branch are claimed on two counters, which the one-statement path does not do. */
    public boolean hasQuota() {
        return quota.by() != SeatQuota.By.NONE;
    }
}
