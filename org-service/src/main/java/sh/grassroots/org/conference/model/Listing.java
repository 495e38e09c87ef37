package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An offer (有什么) or a need (要什么) of a member unit: {@code quantity} of something (seats,
 * sessions, volunteers, 10k yuan...) available in a window of days, both ends inclusive.
 * {@code remaining} falls as projects consume it.
 */
public record Listing(UUID id, ListingKind kind, UUID unitId, String unitName, Category category,
                      int quantity, int remaining, LocalDate availableFrom, LocalDate availableUntil,
                      ListingStatus status) {

    public static Outcome<Listing> post(UUID id, ListingKind kind, MemberUnit unit, Category category, int quantity,
                                        LocalDate availableFrom, LocalDate availableUntil) {
        if (availableUntil.isBefore(availableFrom)) {
            return Outcome.rejected(ConferenceRule.LISTING_WINDOW_ENDS_BEFORE_START, "The availability window cannot end ("
                    + availableUntil + ") before it starts (" + availableFrom + ")");
        }
        if (quantity <= 0) {
            return Outcome.rejected(ConferenceRule.LISTING_QUANTITY_NOT_POSITIVE,
                    "The quantity must be at least 1, not " + quantity);
        }
        if (!unit.memberThroughout(availableFrom, availableUntil)) {
            return Outcome.rejected(ConferenceRule.LISTING_UNIT_NOT_MEMBER, unit.name() + " is a member from "
                    + unit.joinedOn() + unit.leftOn().map(d -> " until " + d).orElse("")
                    + "; it cannot post for " + availableFrom + " to " + availableUntil);
        }
        return Outcome.done(new Listing(id, kind, unit.id(), unit.name(), category, quantity, quantity,
                availableFrom, availableUntil, ListingStatus.OPEN));
    }

    public Outcome<Listing> withdraw() {
        if (status != ListingStatus.OPEN) {
            return Outcome.rejected(ConferenceRule.LISTING_NOT_OPEN, notOpen());
        }
        return Outcome.done(withRemaining(remaining, ListingStatus.WITHDRAWN));
    }

    /** Takes {@code amount} away; the listing is MATCHED once nothing remains. Checked by {@link Matching}. */
    Listing consume(int amount) {
        int left = remaining - amount;
        return withRemaining(left, left == 0 ? ListingStatus.MATCHED : ListingStatus.OPEN);
    }

    boolean windowOverlaps(Listing other) {
        return !availableFrom.isAfter(other.availableUntil) && !availableUntil.isBefore(other.availableFrom);
    }

    String notOpen() {
        return "The " + kind.name().toLowerCase() + " " + id + " of " + unitName + " is " + status
                + "; only an open one can be matched or withdrawn";
    }

    private Listing withRemaining(int left, ListingStatus newStatus) {
        return new Listing(id, kind, unitId, unitName, category, quantity, left, availableFrom, availableUntil, newStatus);
    }
}
