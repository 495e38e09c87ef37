package sh.grassroots.training.session.model;

import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.training.enrolment.model.MemberStatus;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.course.model.CourseKind;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.training.enrolment.model.Learners.aMember;
import static sh.grassroots.training.enrolment.model.Learners.aNonMember;
import static sh.grassroots.training.enrolment.model.Learners.aProbationaryMember;

class EligibilityRulesTest {
    static final UUID BILIBILI_COMMITTEE = UUID.randomUUID();
    static final UUID UP_BRANCH = UUID.randomUUID();
    static final UUID OTHER_COMMITTEE = UUID.randomUUID();
    static final UUID CPIC = UUID.randomUUID();
    static final UUID ORIENT_SECURITIES = UUID.randomUUID();
    static final UUID GOLD_EXCHANGE = UUID.randomUUID();

    static Eligibility forSubtree(UUID root) {
        return new Eligibility(CourseKind.IMMERSIVE, Set.of(root), Set.of(), Set.of(), Set.of());
    }

    static String code(Optional<Rejection> r) {
        return r.map(Rejection::slug).orElse("eligible");
    }

    @Test
    void a_member_of_a_branch_below_the_committee_may_join_the_committees_lesson() {
        Learner member = aMember().of(UP_BRANCH).under(BILIBILI_COMMITTEE).build();
        assertEquals("eligible", code(forSubtree(BILIBILI_COMMITTEE).check(member)));
    }

    @Test
    void a_member_of_the_subtree_root_itself_is_inside_the_subtree() {
        Learner member = aMember().of(BILIBILI_COMMITTEE).build();
        assertEquals("eligible", code(forSubtree(BILIBILI_COMMITTEE).check(member)));
    }

    @Test
    void a_member_of_another_tree_is_told_the_lesson_is_for_other_organizations() {
        Learner member = aMember().of(UUID.randomUUID()).under(OTHER_COMMITTEE).build();
        assertEquals("eligibility-outside-subtree", code(forSubtree(BILIBILI_COMMITTEE).check(member)));
    }

    @Test
    void a_probationary_member_is_refused_where_only_full_members_are_admitted() {
        Eligibility fullOnly = new Eligibility(CourseKind.LECTURE, Set.of(), Set.of(MemberStatus.FULL), Set.of(), Set.of());
        assertEquals("eligibility-member-status", code(fullOnly.check(aProbationaryMember().build())));
        assertEquals("eligible", code(fullOnly.check(aMember().build())));
    }

    @Test
    void a_non_member_may_not_join_a_lecture() {
        Learner guest = aNonMember().workingFor(CPIC).build();
        assertEquals("eligibility-members-only", code(Eligibility.openTo(CourseKind.LECTURE).check(guest)));
    }

    @Test
    void finance_talent_who_is_not_a_member_joins_the_academy_through_a_member_unit() {
        Eligibility academy = new Eligibility(CourseKind.ACADEMY, Set.of(), Set.of(), Set.of(CPIC, ORIENT_SECURITIES), Set.of());
        assertEquals("eligible", code(academy.check(aNonMember().workingFor(CPIC).build())));
        assertEquals("eligibility-not-staff-of-member-unit",
                code(academy.check(aNonMember().workingFor(GOLD_EXCHANGE).build())));
        assertEquals("eligibility-not-staff-of-member-unit", code(academy.check(aNonMember().build())));
    }

    @Test
    void a_member_from_a_unit_outside_the_academy_is_refused_too() {
        Eligibility academy = new Eligibility(CourseKind.ACADEMY, Set.of(), Set.of(), Set.of(CPIC), Set.of());
        assertEquals("eligibility-not-staff-of-member-unit",
                code(academy.check(aMember().workingFor(GOLD_EXCHANGE).build())));
        assertEquals("eligible", code(academy.check(aMember().workingFor(CPIC).build())));
    }

    @Test
    void a_course_with_a_prerequisite_waits_until_the_first_course_is_completed() {
        UUID basics = UUID.randomUUID();
        Eligibility advanced = new Eligibility(CourseKind.LECTURE, Set.of(), Set.of(), Set.of(), Set.of(basics));
        assertEquals("eligibility-prerequisite-missing", code(advanced.check(aMember().build())));
        assertEquals("eligible", code(advanced.check(aMember().havingCompleted(basics).build())));
    }

    @Test
    void the_most_basic_rule_is_reported_first() {
        UUID basics = UUID.randomUUID();
        Eligibility strict = new Eligibility(CourseKind.LECTURE, Set.of(BILIBILI_COMMITTEE), Set.of(MemberStatus.FULL),
                Set.of(), Set.of(basics));
        Learner outsiderOnProbation = aProbationaryMember().under(OTHER_COMMITTEE).build();
        Optional<Rejection> rejection = strict.check(outsiderOnProbation);
        assertEquals("eligibility-outside-subtree", code(rejection));
        assertTrue(rejection.get().detail().length() > 0);
    }

    @Test
    void an_up_zhu_affiliated_to_the_functional_branch_joins_its_lesson_from_a_home_branch_elsewhere() {
        Learner creator = aMember().of(UUID.randomUUID()).under(BILIBILI_COMMITTEE).affiliatedTo(UP_BRANCH, BILIBILI_COMMITTEE)
                .build();
        Learner colleague = aMember().of(UUID.randomUUID()).under(BILIBILI_COMMITTEE).build();
        assertEquals("eligible", code(forSubtree(UP_BRANCH).check(creator)));
        assertEquals(Optional.of(Admission.AFFILIATE), forSubtree(UP_BRANCH).admissionOf(creator));
        assertEquals("eligibility-outside-subtree", code(forSubtree(UP_BRANCH).check(colleague)));
    }

    @Test
    void an_affiliate_of_a_temporary_branch_counts_inside_the_subtree_above_that_branch() {
        UUID residents = UUID.randomUUID();
        UUID temporary = UUID.randomUUID();
        Learner fromAnotherDistrict = aMember().of(UUID.randomUUID()).under(OTHER_COMMITTEE)
                .affiliatedTo(temporary, residents).build();
        assertEquals(Optional.of(Admission.AFFILIATE), forSubtree(residents).admissionOf(fromAnotherDistrict));
    }

    @Test
    void a_home_member_who_is_also_an_affiliate_is_admitted_as_a_home_member() {
        Learner both = aMember().of(UP_BRANCH).under(BILIBILI_COMMITTEE).affiliatedTo(UP_BRANCH, BILIBILI_COMMITTEE).build();
        assertEquals(Optional.of(Admission.HOME), forSubtree(UP_BRANCH).admissionOf(both));
    }

    @Test
    void an_academy_course_for_members_turns_the_units_other_staff_away_and_one_for_non_members_the_members() {
        Eligibility forMembers = new Eligibility(CourseKind.ACADEMY, Set.of(),
                Set.of(MemberStatus.FULL, MemberStatus.PROBATIONARY), Set.of(CPIC), Set.of());
        Eligibility forNonMembers = new Eligibility(CourseKind.ACADEMY, Set.of(), Set.of(MemberStatus.NOT_A_MEMBER),
                Set.of(CPIC), Set.of());
        assertEquals("eligibility-member-status", code(forMembers.check(aNonMember().workingFor(CPIC).build())));
        assertEquals("eligible", code(forMembers.check(aMember().workingFor(CPIC).build())));
        assertEquals("eligible", code(forNonMembers.check(aNonMember().workingFor(CPIC).build())));
        assertEquals("eligibility-member-status", code(forNonMembers.check(aMember().workingFor(CPIC).build())));
    }
}
