package sh.grassroots.org.conference.application;

import sh.grassroots.org.conference.model.Category;
import sh.grassroots.org.conference.model.ChairTerm;
import sh.grassroots.org.conference.model.ListingKind;
import sh.grassroots.org.conference.model.ListingStatus;
import sh.grassroots.org.conference.model.ProjectStatus;
import sh.grassroots.org.conference.model.Sector;
import sh.grassroots.org.conference.persistence.ConferenceEntity;
import sh.grassroots.org.conference.persistence.ListingEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.org.conference.persistence.ProjectEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the conference API returns; built inside the session from entities and model values. */
public final class Views {
    private Views() {
    }

    public record ConferenceView(UUID id, String name, String hostDistrict, LocalDate foundedOn, long version) {
        static ConferenceView of(ConferenceEntity e) {
            return new ConferenceView(e.id, e.name, e.hostDistrict, e.foundedOn, e.version);
        }
    }

    public record UnitView(UUID id, UUID conferenceId, String name, Sector sector, UUID organizationId,
                           LocalDate joinedOn, LocalDate leftOn, long version) {
        static UnitView of(MemberUnitEntity e) {
            return new UnitView(e.id, e.conferenceId, e.name, e.sector, e.organizationId, e.joinedOn, e.leftOn, e.version);
        }
    }

    public record ChairTermView(UUID id, UUID conferenceId, UUID unitId, String unitName, LocalDate startsOn,
                                LocalDate endsOn) {
        static ChairTermView of(UUID conferenceId, ChairTerm t) {
            return new ChairTermView(t.id(), conferenceId, t.unitId(), t.unitName(), t.startsOn(), t.endsOn());
        }
    }

    /** The chair on a given day and the term that makes them so. */
    public record ChairView(LocalDate on, UUID unitId, String unitName, ChairTermView term) {
    }

    public record ListingView(UUID id, UUID conferenceId, ListingKind kind, UUID unitId, String unitName,
                              Category category, String description, int quantity, int remaining,
                              LocalDate availableFrom, LocalDate availableUntil, ListingStatus status, long version) {
        static ListingView of(ListingEntity e, String unitName) {
            return new ListingView(e.id, e.conferenceId, e.kind, e.unitId, unitName, e.category, e.description,
                    e.quantity, e.remaining, e.availableFrom, e.availableUntil, e.status, e.version);
        }
    }

    public record Side(UUID listingId, UUID unitId, String unitName, String description, int remaining,
                       LocalDate availableFrom, LocalDate availableUntil) {
    }

    /** A proposed offer/need pair, best first; accept it by posting it in a project's matches. */
    public record ProposalView(int rank, Category category, Side offer, Side need, int quantity, int coveragePercent,
                               LocalDate overlapFrom, LocalDate overlapUntil, long overlapDays) {
    }

    public record Proposals(List<ProposalView> items) {
    }

    public record ProjectUnitView(UUID unitId, String name, Sector sector) {
    }

    public record ProjectMatchView(UUID offerId, UUID needId, int quantity) {
    }

    public record ProjectView(UUID id, UUID conferenceId, String name, String description, ProjectStatus status,
                              LocalDate proposedOn, LocalDate activatedOn, LocalDate closedOn,
                              List<ProjectUnitView> units, List<ProjectMatchView> matches, long version) {
        static ProjectView of(ProjectEntity e, List<ProjectUnitView> units, List<ProjectMatchView> matches) {
            return new ProjectView(e.id, e.conferenceId, e.name, e.description, e.status, e.proposedOn,
                    e.activatedOn, e.closedOn, units, matches, e.version);
        }
    }

}
