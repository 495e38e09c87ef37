package sh.grassroots.org.tree.model;

import java.util.Set;

/** The three levels of the tree; which kinds each may hold is the tree's first rule. */
public enum OrganizationKind {
    COMMITTEE,
    GENERAL_BRANCH,
    BRANCH;

    /** A committee holds general branches or branches directly; a general branch holds branches. */
    public boolean mayHold(OrganizationKind child) {
        return allowedChildren().contains(child);
    }

    private Set<OrganizationKind> allowedChildren() {
        return switch (this) {
            case COMMITTEE -> Set.of(GENERAL_BRANCH, BRANCH);
            case GENERAL_BRANCH -> Set.of(BRANCH);
            case BRANCH -> Set.of();
        };
    }
}
