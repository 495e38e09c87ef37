package sh.grassroots.stations.booking.model;

/** The answer to a request to move a booking on: the new status, or a refusal naming the rule. */
public sealed interface Transition permits Transition.Moved, Transition.Refused {

    record Moved(BookingStatus to) implements Transition {
    }

    record Refused(LifecycleRule rule, String detail) implements Transition {
    }
}
