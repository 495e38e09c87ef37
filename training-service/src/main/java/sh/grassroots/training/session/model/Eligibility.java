package sh.grassroots.training.session.model;

import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.training.enrolment.model.MemberStatus;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.common.model.Check;
import sh.grassroots.training.course.model.CourseKind;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may enrol in a course. Empty sets mean "no restriction of that kind".
 *
 * @param subtreeRoots     members of these organizations or any organization below them, at home or
 *                         affiliated (a functional or temporary branch's members are its affiliates)
 * @param statuses         statuses admitted (FULL, PROBATIONARY, and NOT_A_MEMBER for academy guests)
 * @param memberUnits      staff of these member units
 * @param prerequisites    courses that must have been completed first
 */
public record Eligibility(CourseKind kind, Set<UUID> subtreeRoots, Set<MemberStatus> statuses, Set<UUID> memberUnits,
                          Set<UUID> prerequisites) {
    public Eligibility {
        subtreeRoots = Set.copyOf(subtreeRoots);
        statuses = Set.copyOf(statuses);
        memberUnits = Set.copyOf(memberUnits);
        prerequisites = Set.copyOf(prerequisites);
    }

    public static Eligibility openTo(CourseKind kind) {
        return new Eligibility(kind, Set.of(), Set.of(), Set.of(), Set.of());
    }

    record Facts(Eligibility eligibility, Learner learner) {
    }

    /** Non-members may attend the finance academy, nothing else. */
    static final Check<Facts> MEMBERS_ONLY_OUTSIDE_ACADEMY = new Check<>("eligibility-members-only", f ->
            f.learner.isMember() || f.eligibility.kind.admitsNonMembers() ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.ELIGIBILITY_MEMBERS_ONLY,
                    "This " + f.eligibility.kind + " course is for party members only")));

    /** Academy guests who are not members must come from one of the course's member units. */
    static final Check<Facts> NON_MEMBERS_FROM_A_MEMBER_UNIT = new Check<>("eligibility-not-staff-of-member-unit", f ->
            f.learner.isMember() || (f.learner.memberUnitId() != null
                    && (f.eligibility.memberUnits.isEmpty() || f.eligibility.memberUnits.contains(f.learner.memberUnitId())))
                    ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.ELIGIBILITY_NOT_STAFF_OF_MEMBER_UNIT,
                    "Non-members may join only as staff of one of the course's member units")));

    static final Check<Facts> WITHIN_SUBTREE = new Check<>("eligibility-outside-subtree", f -> {
        if (!f.learner.isMember() || f.eligibility.subtreeRoots.isEmpty()) {
            return Optional.empty();
        }
        return f.eligibility.admissionOf(f.learner).isPresent() ? Optional.empty()
                : Optional.of(new Rejection(SessionRule.ELIGIBILITY_OUTSIDE_SUBTREE,
                "The course is for members of other organizations"));
    });

    /**
     * A list of statuses is the whole list: an academy course for FULL and PROBATIONARY members
     * turns non-members away, one for NOT_A_MEMBER is for the units' other staff only.
     */
    static final Check<Facts> STATUS_ADMITTED = new Check<>("eligibility-member-status", f ->
            f.eligibility.statuses.isEmpty() || f.eligibility.statuses.contains(f.learner.status())
                    ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.ELIGIBILITY_MEMBER_STATUS,
                    "The course admits " + f.eligibility.statuses.stream().sorted().toList()
                            + "; this person is " + f.learner.status())));

    /** For members, a member-unit restriction applies too (e.g. a course for one firm's staff). */
    static final Check<Facts> MEMBER_FROM_LISTED_UNIT = new Check<>("eligibility-not-staff-of-member-unit", f ->
            !f.learner.isMember() || f.eligibility.memberUnits.isEmpty()
                    || (f.learner.memberUnitId() != null && f.eligibility.memberUnits.contains(f.learner.memberUnitId()))
                    ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.ELIGIBILITY_NOT_STAFF_OF_MEMBER_UNIT,
                    "The course is for the staff of its member units")));

    static final Check<Facts> PREREQUISITES_COMPLETED = new Check<>("eligibility-prerequisite-missing", f -> {
        List<UUID> missing = f.eligibility.prerequisites.stream()
                .filter(c -> !f.learner.completedCourses().contains(c)).sorted().toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(new Rejection(SessionRule.ELIGIBILITY_PREREQUISITE_MISSING,
                "Complete these courses first: " + missing));
    });

    static final List<Check<Facts>> POLICY = List.of(MEMBERS_ONLY_OUTSIDE_ACADEMY, NON_MEMBERS_FROM_A_MEMBER_UNIT,
            WITHIN_SUBTREE, STATUS_ADMITTED, MEMBER_FROM_LISTED_UNIT, PREREQUISITES_COMPLETED);

    /**
     * As what the learner is inside the course's organizations: HOME when their home is in one of
     * the subtrees (it wins over an affiliation), AFFILIATE when only a branch they are affiliated to
     * is; empty when neither is, and HOME for a course open to every organization.
     */
    public Optional<Admission> admissionOf(Learner learner) {
        if (subtreeRoots.isEmpty() || learner.homeAndAncestors().stream().anyMatch(subtreeRoots::contains)) {
            return Optional.of(Admission.HOME);
        }
        if (learner.affiliationsAndAncestors().stream().anyMatch(subtreeRoots::contains)) {
            return Optional.of(Admission.AFFILIATE);
        }
        return Optional.empty();
    }

    /** The first eligibility rule the learner fails, if any. */
    public Optional<Rejection> check(Learner learner) {
        return Check.firstBroken(POLICY, new Facts(this, learner));
    }
}
