package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A co-built project (共建项目): PROPOSED when matches are accepted, ACTIVE once the units
 * start it, CLOSED when it ends. Each state has its own type so that only a proposed project can
 * be activated and only an active one closed.
 */
public sealed interface Project permits Project.Proposed, Project.Active, Project.Closed {
    UUID id();

    String name();

    ProjectStatus status();

    record Proposed(UUID id, String name, LocalDate proposedOn) implements Project {
        public Outcome<Active> activate(LocalDate on) {
            if (on.isBefore(proposedOn)) {
                return Outcome.rejected(ConferenceRule.PROJECT_ACTIVATED_BEFORE_PROPOSAL, name
                        + " was proposed on " + proposedOn + "; it cannot start on " + on);
            }
            return Outcome.done(new Active(id, name, proposedOn, on));
        }

        @Override
        public ProjectStatus status() {
            return ProjectStatus.PROPOSED;
        }
    }

    record Active(UUID id, String name, LocalDate proposedOn, LocalDate activatedOn) implements Project {
        public Outcome<Closed> close(LocalDate on) {
            if (on.isBefore(activatedOn)) {
                return Outcome.rejected(ConferenceRule.PROJECT_CLOSED_BEFORE_ACTIVATED, name
                        + " started on " + activatedOn + "; it cannot close on " + on);
            }
            return Outcome.done(new Closed(id, name, proposedOn, activatedOn, on));
        }

        @Override
        public ProjectStatus status() {
            return ProjectStatus.ACTIVE;
        }
    }

    record Closed(UUID id, String name, LocalDate proposedOn, LocalDate activatedOn, LocalDate closedOn)
            implements Project {
        @Override
        public ProjectStatus status() {
            return ProjectStatus.CLOSED;
        }
    }

    static Project proposed(UUID id, String name, LocalDate on) {
        return new Proposed(id, name, on);
    }

    /** The transition rule for a project in any state: only a proposed one can be activated. */
    static Outcome<Active> activate(Project project, LocalDate on) {
        if (project instanceof Proposed proposed) {
            return proposed.activate(on);
        }
        return Outcome.rejected(ConferenceRule.PROJECT_ACTIVATE_ONLY_PROPOSED,
                project.name() + " is " + project.status() + "; only a PROPOSED project can be activated");
    }

    /** Only an active project can be closed. */
    static Outcome<Closed> close(Project project, LocalDate on) {
        if (project instanceof Active active) {
            return active.close(on);
        }
        return Outcome.rejected(ConferenceRule.PROJECT_CLOSE_ONLY_ACTIVE,
                project.name() + " is " + project.status() + "; only an ACTIVE project can be closed");
    }
}
