package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.RuleKind;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.org.conference.model.Units.assertRefused;
import static sh.grassroots.org.conference.model.Units.day;
import static sh.grassroots.org.conference.model.Units.done;

class ProjectTest {
    private final Project.Proposed finance = new Project.Proposed(UUID.randomUUID(), "金融品巷", day("2026-11-01"));

    @Test
    void a_project_goes_from_proposed_to_active_to_closed() {
        Project.Active active = done(Project.activate(finance, day("2026-11-29")));
        assertEquals(ProjectStatus.ACTIVE, active.status());
        Project.Closed closed = done(Project.close(active, day("2027-06-30")));
        assertEquals(ProjectStatus.CLOSED, closed.status());
        assertEquals(day("2026-11-29"), closed.activatedOn());
        assertEquals(day("2027-06-30"), closed.closedOn());
    }

    @Test
    void a_proposed_project_cannot_be_closed_nor_an_active_one_activated_again() {
        assertRefused(ConferenceRule.PROJECT_CLOSE_ONLY_ACTIVE, Project.close(finance, day("2026-12-01")));
        Project.Active active = done(Project.activate(finance, day("2026-11-29")));
        assertRefused(ConferenceRule.PROJECT_ACTIVATE_ONLY_PROPOSED, Project.activate(active, day("2026-12-01")));
    }

    @Test
    void a_closed_project_is_final() {
        Project.Closed closed = done(Project.close(done(Project.activate(finance, day("2026-11-29"))), day("2026-12-31")));
        assertRefused(ConferenceRule.PROJECT_ACTIVATE_ONLY_PROPOSED, Project.activate(closed, day("2027-01-01")));
        assertRefused(ConferenceRule.PROJECT_CLOSE_ONLY_ACTIVE, Project.close(closed, day("2027-01-01")));
    }

    @Test
    void dates_must_follow_each_other() {
        assertRefused(ConferenceRule.PROJECT_ACTIVATED_BEFORE_PROPOSAL, Project.activate(finance, day("2026-10-31")));
        Project.Active active = done(Project.activate(finance, day("2026-11-29")));
        assertRefused(ConferenceRule.PROJECT_CLOSED_BEFORE_ACTIVATED, Project.close(active, day("2026-11-28")));
        done(Project.close(active, day("2026-11-29")));
    }

    @Test
    void rule_slugs_name_the_transition_and_state_conflicts_are_409s() {
        assertEquals("project-close-only-when-active", ConferenceRule.PROJECT_CLOSE_ONLY_ACTIVE.slug());
        assertEquals(RuleKind.CONFLICT, ConferenceRule.PROJECT_CLOSE_ONLY_ACTIVE.kind());
        assertEquals(RuleKind.INVALID, ConferenceRule.PROJECT_CLOSED_BEFORE_ACTIVATED.kind());
    }
}
