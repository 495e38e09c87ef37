package sh.grassroots.training.enrolment.model;

import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.common.model.Rejection;
import sh.grassroots.training.common.model.Rule;
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

    static final Rule<Request> SESSION_OPEN = new Rule<>("session-not-open", r ->
            r.sessionOpen() ? Optional.empty()
                    : Optional.of(new Rejection("session-not-open", "The session is not open for enrolment")));

    /**
     * Seats are given out only once the room is certain: a confirmed seat in a session whose room is
     * then refused would be a promise the organizer cannot keep.
     */
    static final Rule<Request> VENUE_CONFIRMED = new Rule<>("venue-not-confirmed", r -> switch (r.venue()) {
        case PENDING -> Optional.of(new Rejection("venue-not-confirmed",
                "The station has not confirmed the room yet; enrolment opens when it does"));
        case REJECTED -> Optional.of(new Rejection("venue-not-confirmed",
                "The station refused the room; the organizer has to find another venue"));
        default -> Optional.empty();
    });

    static final Rule<Request> WINDOW_OPENED = new Rule<>("enrolment-window-not-open", r ->
            r.now().isBefore(r.opensAt())
                    ? Optional.of(new Rejection("enrolment-window-not-open", "Enrolment opens at " + r.opensAt()))
                    : Optional.empty());

    static final Rule<Request> WINDOW_NOT_CLOSED = new Rule<>("enrolment-window-closed", r ->
            r.now().isBefore(r.closesAt()) ? Optional.empty()
                    : Optional.of(new Rejection("enrolment-window-closed", "Enrolment closed at " + r.closesAt())));

    static final Rule<Request> NOT_ENROLLED_YET = new Rule<>("already-enrolled", r ->
            r.alreadyEnrolled()
                    ? Optional.of(new Rejection("already-enrolled", "This person is already enrolled in the session"))
                    : Optional.empty());

    static final Rule<Request> ELIGIBLE = new Rule<>("eligibility", r -> r.eligibility().check(r.learner()));

    /** With a quota per unit or per branch, a seat must be countable against some group. */
    static final Rule<Request> HAS_QUOTA_GROUP = new Rule<>("quota-group-unknown", r ->
            r.quota().by() == SeatQuota.By.NONE
                    || r.quota().groupOf(r.learner().homeOrganizationId(), r.learner().memberUnitId()).isPresent()
                    ? Optional.empty()
                    : Optional.of(new Rejection("quota-group-unknown",
                    "Seats are shared out per " + r.quota().by() + " and this person has none")));

    static final List<Rule<Request>> POLICY = List.of(SESSION_OPEN, VENUE_CONFIRMED, WINDOW_OPENED, WINDOW_NOT_CLOSED,
            NOT_ENROLLED_YET, ELIGIBLE, HAS_QUOTA_GROUP);

    private EnrolmentRules() {
    }

    public static Optional<Rejection> check(Request request) {
        return Rule.firstBroken(POLICY, request);
    }
}
