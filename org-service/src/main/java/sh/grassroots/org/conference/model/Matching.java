package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pairs offers (有什么) with needs (要什么): same category, different units, overlapping
 * availability, something left on both sides. Accepting pairs consumes quantities and gives the
 * units of a co-built project (共建项目).
 */
public final class Matching {
    private Matching() {
    }

    /**
     * A proposed pair. {@code quantity} is what the pair can exchange (the smaller remainder);
     * {@code coveragePercent} how much of the need's remainder that is.
     */
    public record Proposal(Listing offer, Listing need, int quantity, int coveragePercent,
                           LocalDate overlapFrom, LocalDate overlapUntil, long overlapDays) {
    }

    /** One accepted pair and what it consumed. */
    public record Pair(Listing offer, Listing need, Optional<Integer> quantity) {
    }

    public record Consumption(UUID offerId, UUID needId, int quantity) {
    }

    /** The listings after the consumption and the units that take part. */
    public record Accepted(List<Consumption> consumptions, List<Listing> listings, Set<UUID> unitIds) {
    }

    /**
     * Best first: needs fully covered before partly covered ones, then by how much of the need is
     * covered, then by the longest common window (more room to plan), then the earliest start;
     * ties by the older need and offer so the order is stable.
     */
    static final Comparator<Proposal> RANKING = Comparator
            .comparing((Proposal p) -> p.coveragePercent() >= 100 ? 0 : 1)
            .thenComparing(Proposal::coveragePercent, Comparator.reverseOrder())
            .thenComparing(Proposal::overlapDays, Comparator.reverseOrder())
            .thenComparing(Proposal::overlapFrom)
            .thenComparing(p -> p.need().id())
            .thenComparing(p -> p.offer().id());

    public static List<Proposal> propose(Collection<Listing> listings) {
        List<Listing> offers = listings.stream().filter(l -> l.kind() == ListingKind.OFFER).toList();
        List<Listing> needs = listings.stream().filter(l -> l.kind() == ListingKind.NEED).toList();
        List<Proposal> proposals = new ArrayList<>();
        for (Listing need : needs) {
            for (Listing offer : offers) {
                int quantity = Math.min(offer.remaining(), need.remaining());
                if (refusal(offer, need, quantity).isEmpty()) {
                    proposals.add(proposal(offer, need, quantity));
                }
            }
        }
        proposals.sort(RANKING);
        return proposals;
    }

    /**
     * Accepts pairs in order; a listing used by several pairs is consumed by each in turn, so
     * the pairs together can never take more than it has.
     */
    public static Outcome<Accepted> accept(List<Pair> pairs) {
        Map<UUID, Listing> current = new LinkedHashMap<>();
        List<Consumption> consumptions = new ArrayList<>();
        Set<UUID> units = new LinkedHashSet<>();
        for (Pair pair : pairs) {
            Listing offer = current.getOrDefault(pair.offer().id(), pair.offer());
            Listing need = current.getOrDefault(pair.need().id(), pair.need());
            int quantity = pair.quantity().orElse(Math.min(offer.remaining(), need.remaining()));
            Optional<Outcome.Rejected<Accepted>> refused = refusal(offer, need, quantity);
            if (refused.isPresent()) {
                return refused.get();
            }
            current.put(offer.id(), offer.consume(quantity));
            current.put(need.id(), need.consume(quantity));
            consumptions.add(new Consumption(offer.id(), need.id(), quantity));
            units.add(offer.unitId());
            units.add(need.unitId());
        }
        return Outcome.done(new Accepted(List.copyOf(consumptions), List.copyOf(current.values()), Set.copyOf(units)));
    }

    private static <T> Optional<Outcome.Rejected<T>> refusal(Listing offer, Listing need, int quantity) {
        if (offer.kind() != ListingKind.OFFER || need.kind() != ListingKind.NEED) {
            return refuse(ConferenceRule.MATCH_NOT_OFFER_AND_NEED, "A match pairs an offer with a need, not "
                    + offer.kind() + " " + offer.id() + " with " + need.kind() + " " + need.id());
        }
        if (offer.status() != ListingStatus.OPEN) {
            return refuse(ConferenceRule.LISTING_NOT_OPEN, offer.notOpen());
        }
        if (need.status() != ListingStatus.OPEN) {
            return refuse(ConferenceRule.LISTING_NOT_OPEN, need.notOpen());
        }
        if (offer.unitId().equals(need.unitId())) {
            return refuse(ConferenceRule.MATCH_SAME_UNIT, offer.unitName() + " cannot meet its own need");
        }
        if (offer.category() != need.category()) {
            return refuse(ConferenceRule.MATCH_CATEGORY_DIFFERS, "The offer is " + offer.category()
                    + " but the need is " + need.category());
        }
        if (!offer.windowOverlaps(need)) {
            return refuse(ConferenceRule.MATCH_WINDOWS_DISJOINT, "The offer is available " + offer.availableFrom()
                    + " to " + offer.availableUntil() + ", the need " + need.availableFrom() + " to "
                    + need.availableUntil() + ": no day in common");
        }
        if (quantity <= 0) {
            return refuse(ConferenceRule.MATCH_QUANTITY_NOT_POSITIVE, "A match exchanges at least 1, not " + quantity);
        }
        if (quantity > offer.remaining() || quantity > need.remaining()) {
            return refuse(ConferenceRule.MATCH_QUANTITY_EXCEEDS_REMAINING, "The match asks for " + quantity
                    + " but the offer has " + offer.remaining() + " left and the need " + need.remaining());
        }
        return Optional.empty();
    }

    private static <T> Optional<Outcome.Rejected<T>> refuse(ConferenceRule rule, String detail) {
        return Optional.of(new Outcome.Rejected<>(rule.rejects(detail)));
    }

    private static Proposal proposal(Listing offer, Listing need, int quantity) {
        LocalDate from = offer.availableFrom().isAfter(need.availableFrom()) ? offer.availableFrom() : need.availableFrom();
        LocalDate until = offer.availableUntil().isBefore(need.availableUntil()) ? offer.availableUntil() : need.availableUntil();
        int coverage = (int) Math.min(100, (100L * quantity) / need.remaining());
        return new Proposal(offer, need, quantity, coverage, from, until, ChronoUnit.DAYS.between(from, until) + 1);
    }
}
