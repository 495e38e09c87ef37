package sh.grassroots.org.tree.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record ActiveOrganization(UUID id, String name, OrganizationKind kind, String districtCode,
                                 Optional<UUID> parentId, TreePath path, LocalDate foundedOn) implements Organization {

    public ActiveOrganization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(path, "path");
        if (!path.last().equals(id)) {
            throw new IllegalArgumentException("The path " + path + " does not end at " + id);
        }
    }

    public Outcome<TreeChange.Renamed> rename(String newName) {
        String stripped = newName.strip();
        if (stripped.equals(name)) {
            return Outcome.rejected(TreeRule.NAME_UNCHANGED, "The organization is already called " + name);
        }
        return Outcome.done(new TreeChange.Renamed(id, name, stripped));
    }

    /**
     * Re-parents this organization with everything below it. The placement rules of a new
     * organization apply to the new parent, and the new parent may not lie in this subtree, which
     * would cut the subtree off the tree in a loop.
     *
     * @param newParent empty to make this organization the top of its own tree
     */
    public Outcome<TreeChange.Moved> moveUnder(Optional<Organization> newParent) {
        Optional<UUID> newParentId = newParent.map(Organization::id);
        if (newParent.isPresent() && newParent.get().path().isWithin(path)) {
            return Outcome.rejected(TreeRule.MOVE_WOULD_CREATE_CYCLE, newParent.get().id().equals(id)
                    ? "An organization cannot be its own parent"
                    : "The new parent " + newParent.get().name() + " lies below " + name);
        }
        if (newParentId.equals(parentId)) {
            return Outcome.rejected(TreeRule.MOVE_TO_CURRENT_PARENT, "The organization already stands there");
        }
        Outcome<District> placement = Placement.decide(kind, districtCode, newParent.map(Organization::asParent));
        if (placement instanceof Outcome.Rejected<District> rejected) {
            return Outcome.rejected(rejected.rejection());
        }
        TreePath newPath = newParent.map(p -> p.path().child(id)).orElseGet(() -> TreePath.root(id));
        return Outcome.done(new TreeChange.Moved(id, parentId, newParentId, path, newPath));
    }

    /**
     * Dissolves the organization as of {@code on}. Its children and members must have gone first,
     * so that nobody is left in an organization that no longer exists.
     */
    public Outcome<TreeChange.Dissolved> dissolve(LocalDate on, String documentNumber, LocalDate today,
                                                   long activeChildren, long activeMembers) {
        if (on.isAfter(today)) {
            return Outcome.rejected(TreeRule.DISSOLVED_IN_FUTURE, "The dissolution date " + on + " is after today");
        }
        if (foundedOn != null && on.isBefore(foundedOn)) {
            return Outcome.rejected(TreeRule.DISSOLVED_BEFORE_FOUNDING,
                    "The organization was founded on " + foundedOn + ", after " + on);
        }
        if (activeChildren > 0) {
            return Outcome.rejected(TreeRule.HAS_ACTIVE_CHILDREN,
                    name + " still holds " + activeChildren + " active organization(s); dissolve or move them first");
        }
        if (activeMembers > 0) {
            return Outcome.rejected(TreeRule.HAS_ACTIVE_MEMBERS,
                    name + " is still the home of " + activeMembers + " member(s); transfer them first");
        }
        return Outcome.done(new TreeChange.Dissolved(id, on, documentNumber));
    }

}
