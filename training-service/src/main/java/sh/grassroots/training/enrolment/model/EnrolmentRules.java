package sh.grassroots.training.enrolment.model;

import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.common.model.Check;
import sh.grassroots.training.session.model.SeatQuota;
import sh.grassroots.training.venue.model.VenueSaga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rules an enrolment request must pass before it may compete for a seat. */
public final class EnrolmentRules {

    /**
     * What the rules look at. {@code sessionOpen} is false for a cancelled session; {@code venue}
     * is where the session stands with its station room.
     */
    public record Request(Instant now, Instant opensAt, Instant closesAt, boolean sessionOpen,
                          boolean alreadyEnrolled, SeatQuota quota, Learner learner, Eligibility eligibility,
                          VenueSaga.Stage venue) {

        /** A session at an external address. */
        public Request(Instant now, Instant opensAt, Instant closesAt, boolean sessionOpen, boolean alreadyEnrolled,
                       SeatQuota quota, Learner learner, Eligibility eligibility) {
            this(now, opensAt, closesAt, sessionOpen, alreadyEnrolled, quota, learner, eligibility,
                    VenueSaga.Stage.NOT_NEEDED);
        }
    }

    static final Check<Request> SESSION_OPEN = new Check<>("session-not-open", r ->
            r.sessionOpen() ? Optional.empty()
                    : Optional.of(new Rejection(EnrolmentRule.SESSION_NOT_OPEN, "The session is not open for enrolment")));

    /**
     * Seats are given out only once the room is certain: a confirmed seat in a session whose room is
     * then refused would be a promise the organizer cannot keep.
     */
    static final Check<Request> VENUE_CONFIRMED = new Check<>("venue-not-confirmed", r -> switch (r.venue()) {
        case PENDING -> Optional.of(new Rejection(EnrolmentRule.VENUE_NOT_CONFIRMED,
                "The station has not confirmed the room yet; enrolment opens when it does"));
        case REJECTED -> Optional.of(new Rejection(EnrolmentRule.VENUE_NOT_CONFIRMED,
                "The station refused the room; the organizer has to find another venue"));
        default -> Optional.empty();
    });

    static final Check<Request> WINDOW_OPENED = new Check<>("enrolment-window-not-open", r ->
            r.now().isBefore(r.opensAt())
                    ? Optional.of(new Rejection(EnrolmentRule.ENROLMENT_WINDOW_NOT_OPEN, "Enrolment opens at " + r.opensAt()))
                    : Optional.empty());

    static final Check<Request> WINDOW_NOT_CLOSED = new Check<>("enrolment-window-closed", r ->
            r.now().isBefore(r.closesAt()) ? Optional.empty()
                    : Optional.of(new Rejection(EnrolmentRule.ENROLMENT_WINDOW_CLOSED, "Enrolment closed at " + r.closesAt())));

    static final Check<Request> NOT_ENROLLED_YET = new Check<>("already-enrolled", r ->
            r.alreadyEnrolled()
                    ? Optional.of(new Rejection(EnrolmentRule.ALREADY_ENROLLED, "This person is already enrolled in the session"))
                    : Optional.empty());

    static final Check<Request> ELIGIBLE = new Check<>("eligibility", r -> r.eligibility().check(r.learner()));

    /** With a quota per unit or per branch, a seat must be countable against some group. */
    static final Check<Request> HAS_QUOTA_GROUP = new Check<>("quota-group-unknown", r ->
            r.quota().by() == SeatQuota.By.NONE
                    || r.quota().groupOf(r.learner().homeOrganizationId(), r.learner().memberUnitId()).isPresent()
                    ? Optional.empty()
                    : Optional.of(new Rejection(EnrolmentRule.QUOTA_GROUP_UNKNOWN,
                    "Seats are shared out per " + r.quota().by() + " and this person has none")));

    static final List<Check<Request>> POLICY = List.of(SESSION_OPEN, VENUE_CONFIRMED, WINDOW_OPENED, WINDOW_NOT_CLOSED,
            NOT_ENROLLED_YET, ELIGIBLE, HAS_QUOTA_GROUP);

    private EnrolmentRules() {
    }

    public static Optional<Rejection> check(Request request) {
        return Check.firstBroken(POLICY, request);
    }
}
