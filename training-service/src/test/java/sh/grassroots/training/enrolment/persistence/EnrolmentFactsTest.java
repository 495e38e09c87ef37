package sh.grassroots.training.enrolment.persistence;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.Place;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.training.enrolment.model.MemberStatus;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-statement read of a person gives what LearnerDirectory.find and TrainingAccess.person would. */
class EnrolmentFactsTest {
    static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID COMMITTEE = UUID.fromString("00000000-0000-0000-0002-000000000001");
    static final UUID BRANCH = UUID.fromString("00000000-0000-0000-0002-000000000002");
    static final UUID UNIT = UUID.fromString("00000000-0000-0000-0004-000000000001");
    static final UUID COURSE_A = UUID.fromString("00000000-0000-0000-0003-000000000001");
    static final UUID COURSE_B = UUID.fromString("00000000-0000-0000-0003-000000000002");

    private static Object[] row(UUID home, String status, UUID unit, boolean left, String pathTopDown, String district,
                                String unitOffice, String completed, boolean enrolled) {
        return new Object[]{home == null ? null : home.toString(), status, unit == null ? null : unit.toString(), left,
                pathTopDown, district, unitOffice, completed, enrolled};
    }

    @Test
    void a_member_gets_their_home_and_its_ancestors_and_the_place_of_their_home() {
        var facts = LearnerDirectory.facts(PERSON, row(BRANCH, "FULL", null, false, COMMITTEE + "/" + BRANCH,
                "310110 ", null, COURSE_A + "," + COURSE_B, true));

        Learner learner = facts.learner().orElseThrow();
        assertEquals(Set.of(COMMITTEE, BRANCH), learner.homeAndAncestors());
        assertEquals(Set.of(COURSE_A, COURSE_B), learner.completedCourses());
        assertEquals(MemberStatus.FULL, learner.status());
        assertEquals(new Place("310110", "/" + COMMITTEE + "/" + BRANCH + "/"), facts.person().orElseThrow().home());
        assertTrue(facts.alreadyEnrolled());
    }

    @Test
    void a_member_affiliated_to_a_functional_branch_gets_it_and_its_ancestors_as_affiliations() {
        UUID functional = UUID.fromString("00000000-0000-0000-0002-000000000003");
        Object[] nine = row(BRANCH, "FULL", null, false, COMMITTEE + "/" + BRANCH, "310110", null, null, false);
        Object[] row = java.util.Arrays.copyOf(nine, 10);
        row[9] = functional + "," + COMMITTEE;

        Learner learner = LearnerDirectory.facts(PERSON, row).learner().orElseThrow();

        assertEquals(Set.of(functional, COMMITTEE), learner.affiliationsAndAncestors());
        assertEquals(Set.of(COMMITTEE, BRANCH), learner.homeAndAncestors());
    }

    @Test
    void a_member_whose_home_training_has_not_heard_of_yet_counts_the_home_and_has_no_place() {
        var facts = LearnerDirectory.facts(PERSON, row(BRANCH, "PROBATIONARY", null, false, null, null, null, null, false));

        assertEquals(Set.of(BRANCH), facts.learner().orElseThrow().homeAndAncestors());
        assertNull(facts.person().orElseThrow().home());
        assertFalse(facts.alreadyEnrolled());
    }

    @Test
    void staff_of_a_member_unit_who_are_not_members_have_their_units_office_and_no_tree() {
        var facts = LearnerDirectory.facts(PERSON, row(null, "NOT_A_MEMBER", UNIT, false, null, null, "310104", null, false));

        assertTrue(facts.learner().orElseThrow().homeAndAncestors().isEmpty());
        assertEquals(UNIT, facts.learner().orElseThrow().memberUnitId());
        assertEquals("310104", facts.person().orElseThrow().unitOfficeDistrict());
        assertNull(facts.person().orElseThrow().home());
    }

    @Test
    void someone_who_left_is_no_learner_but_still_a_person_access_knows() {
        var facts = LearnerDirectory.facts(PERSON, row(BRANCH, "FULL", null, true, COMMITTEE + "/" + BRANCH, "310110",
                null, null, false));

        assertTrue(facts.learner().isEmpty());
        assertTrue(facts.person().isPresent());
    }
}
