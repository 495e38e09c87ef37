package sh.grassroots.org.tree.model;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The size rules of party organizations, as flags for a district organizer to act on rather than
 * refusals: a branch may legitimately sit below three full members for a while (members left,
 * a transfer is pending), and the organizer decides when to merge or split. Every rule that
 * applies is reported, not only the first.
 */
public final class SizePolicy {
    static final int BRANCH_MINIMUM_FULL_MEMBERS = 3;
    static final int BRANCH_SPLIT_ABOVE = 50;
    static final int GENERAL_BRANCH_USUAL_MINIMUM = 50;
    static final int GENERAL_BRANCH_USUAL_MAXIMUM = 100;
    static final int COMMITTEE_USUAL_MINIMUM = 100;

    public enum SizeRule {
        BRANCH_NEEDS_THREE_FULL_MEMBERS("size-branch-needs-three-full-members"),
        BRANCH_OVER_FIFTY_SHOULD_SPLIT("size-branch-over-fifty-should-split"),
        GENERAL_BRANCH_OUTSIDE_USUAL_RANGE("size-general-branch-outside-usual-range"),
        COMMITTEE_BELOW_USUAL_SIZE("size-committee-below-usual-size");

        private final String slug;

        SizeRule(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /** Active members whose home is the organization or any organization below it. */
    public record Counts(long full, long probationary) {
        public long total() {
            return full + probationary;
        }
    }

    public record Flag(SizeRule rule, String detail) {
    }

    private static final List<BiFunction<OrganizationKind, Counts, Optional<Flag>>> RULES = List.of(
            SizePolicy::atLeastThreeFullMembers,
            SizePolicy::branchOverFiftyIsSplit,
            SizePolicy::generalBranchHoldsFiftyToHundred,
            SizePolicy::committeeHoldsAHundredOrMore);

    private SizePolicy() {
    }

    public static List<Flag> flags(OrganizationKind kind, Counts counts) {
        return RULES.stream().map(rule -> rule.apply(kind, counts)).flatMap(Optional::stream).toList();
    }

    /** A branch is set up with, and needs to keep, at least three full members. */
    static Optional<Flag> atLeastThreeFullMembers(OrganizationKind kind, Counts counts) {
        if (kind != OrganizationKind.BRANCH || counts.full() >= BRANCH_MINIMUM_FULL_MEMBERS) {
            return Optional.empty();
        }
        return Optional.of(new Flag(SizeRule.BRANCH_NEEDS_THREE_FULL_MEMBERS,
                "The branch has " + counts.full() + " full member(s); it needs at least " + BRANCH_MINIMUM_FULL_MEMBERS));
    }

    static Optional<Flag> branchOverFiftyIsSplit(OrganizationKind kind, Counts counts) {
        if (kind != OrganizationKind.BRANCH || counts.total() <= BRANCH_SPLIT_ABOVE) {
            return Optional.empty();
        }
        return Optional.of(new Flag(SizeRule.BRANCH_OVER_FIFTY_SHOULD_SPLIT,
                "The branch has " + counts.total() + " members; a branch over " + BRANCH_SPLIT_ABOVE + " is usually split"));
    }

    static Optional<Flag> generalBranchHoldsFiftyToHundred(OrganizationKind kind, Counts counts) {
        if (kind != OrganizationKind.GENERAL_BRANCH
                || (counts.total() >= GENERAL_BRANCH_USUAL_MINIMUM && counts.total() <= GENERAL_BRANCH_USUAL_MAXIMUM)) {
            return Optional.empty();
        }
        return Optional.of(new Flag(SizeRule.GENERAL_BRANCH_OUTSIDE_USUAL_RANGE, "The general branch has "
                + counts.total() + " members; usually " + GENERAL_BRANCH_USUAL_MINIMUM + "-" + GENERAL_BRANCH_USUAL_MAXIMUM));
    }

    static Optional<Flag> committeeHoldsAHundredOrMore(OrganizationKind kind, Counts counts) {
        if (kind != OrganizationKind.COMMITTEE || counts.total() >= COMMITTEE_USUAL_MINIMUM) {
            return Optional.empty();
        }
        return Optional.of(new Flag(SizeRule.COMMITTEE_BELOW_USUAL_SIZE, "The committee has " + counts.total()
                + " members; a committee usually has " + COMMITTEE_USUAL_MINIMUM + " or more"));
    }
}
