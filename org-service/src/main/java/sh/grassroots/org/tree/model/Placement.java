package sh.grassroots.org.tree.model;

import sh.grassroots.platform.rules.Outcome;

import java.util.Optional;

/**
 * Where a new organization may go (or an existing one may move): the district it lands in, or
 * the {@link TreeRule} that was broken, so that the API can tell the user which rule and the
 * tests can check it without exceptions.
 */
public final class Placement {

    /** What the rules need to know of the parent. */
    public record Parent(OrganizationKind kind, String districtCode, boolean dissolved) {
    }

    private Placement() {
    }

    public static Outcome<District> decide(OrganizationKind kind, String districtCode, Optional<Parent> parent) {
        Optional<District> district = District.byCode(districtCode);
        if (district.isEmpty()) {
            return Outcome.rejected(TreeRule.UNKNOWN_DISTRICT, "No Shanghai district has code " + districtCode);
        }
        if (parent.isEmpty()) {
            return kind == OrganizationKind.COMMITTEE
                    ? Outcome.done(district.get())
                    : Outcome.rejected(TreeRule.ROOT_MUST_BE_COMMITTEE,
                    "A " + kind + " needs a parent organization; only a committee stands at the top of a tree");
        }
        Parent p = parent.get();
        if (p.dissolved()) {
            return Outcome.rejected(TreeRule.PARENT_DISSOLVED, "The parent organization has been dissolved");
        }
        if (!p.districtCode().equals(districtCode)) {
            return Outcome.rejected(TreeRule.PARENT_IN_OTHER_DISTRICT,
                    "The parent belongs to district " + p.districtCode() + ", not " + districtCode);
        }
        if (!p.kind().mayHold(kind)) {
            return Outcome.rejected(TreeRule.PARENT_CANNOT_HOLD_KIND, "A " + p.kind() + " cannot hold a " + kind);
        }
        return Outcome.done(district.get());
    }
}
