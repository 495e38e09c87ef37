package sh.grassroots.org.tree.model;

import java.util.Optional;

/**
 * Where a new organization may go. A rejection is a value naming the rule that was broken, so
 * that the API can tell the user which rule and the tests can check it without exceptions.
 */
public final class Placement {

    public sealed interface Result permits Accepted, Rejected {
    }

    public record Accepted(District district) implements Result {
    }

    public record Rejected(Rule rule, String detail) implements Result {
    }

    public enum Rule {
        UNKNOWN_DISTRICT,
        ROOT_MUST_BE_COMMITTEE,
        PARENT_CANNOT_HOLD_KIND,
        PARENT_IN_OTHER_DISTRICT,
        PARENT_DISSOLVED
    }

    /** What the rules need to know of the parent. */
    public record Parent(OrganizationKind kind, String districtCode, boolean dissolved) {
    }

    private Placement() {
    }

    public static Result decide(OrganizationKind kind, String districtCode, Optional<Parent> parent) {
        Optional<District> district = District.byCode(districtCode);
        if (district.isEmpty()) {
            return new Rejected(Rule.UNKNOWN_DISTRICT, "No Shanghai district has code " + districtCode);
        }
        if (parent.isEmpty()) {
            return kind == OrganizationKind.COMMITTEE
                    ? new Accepted(district.get())
                    : new Rejected(Rule.ROOT_MUST_BE_COMMITTEE,
                    "A " + kind + " needs a parent organization; only a committee stands at the top of a tree");
        }
        Parent p = parent.get();
        if (p.dissolved()) {
            return new Rejected(Rule.PARENT_DISSOLVED, "The parent organization has been dissolved");
        }
        if (!p.districtCode().equals(districtCode)) {
            return new Rejected(Rule.PARENT_IN_OTHER_DISTRICT,
                    "The parent belongs to district " + p.districtCode() + ", not " + districtCode);
        }
        if (!p.kind().mayHold(kind)) {
            return new Rejected(Rule.PARENT_CANNOT_HOLD_KIND, "A " + p.kind() + " cannot hold a " + kind);
        }
        return new Accepted(district.get());
    }
}
