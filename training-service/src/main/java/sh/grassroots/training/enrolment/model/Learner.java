package sh.grassroots.training.enrolment.model;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What enrolment knows of a person, read from training's own projection: the home organization
 * together with all its ancestors (so subtree rules need no tree walk), the member status, the
 * member unit the person works for, the functional or temporary branches the person is affiliated
 * to together with their ancestors, and the courses already completed.
 */
public record Learner(UUID personId, UUID homeOrganizationId, Set<UUID> homeAndAncestors, MemberStatus status,
                      UUID memberUnitId, Set<UUID> completedCourses, Set<UUID> affiliationsAndAncestors) {
    public Learner {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(status, "status");
        homeAndAncestors = Set.copyOf(homeAndAncestors);
        completedCourses = Set.copyOf(completedCourses);
        affiliationsAndAncestors = Set.copyOf(affiliationsAndAncestors);
    }

    /** A learner affiliated to no branch beyond their home. */
    public Learner(UUID personId, UUID homeOrganizationId, Set<UUID> homeAndAncestors, MemberStatus status,
                   UUID memberUnitId, Set<UUID> completedCourses) {
        this(personId, homeOrganizationId, homeAndAncestors, status, memberUnitId, completedCourses, Set.of());
    }

    public boolean isMember() {
        return status != MemberStatus.NOT_A_MEMBER;
    }
}
