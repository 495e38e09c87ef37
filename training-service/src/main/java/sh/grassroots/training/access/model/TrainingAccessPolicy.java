package sh.grassroots.training.access.model;

import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Roles;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.training.enrolment.model.Cancellation;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what in training, on which course, session, enrolment, person or organization.
 * <ul>
 *   <li>A session's <b>organizers</b> are whoever may MANAGE_TRAINING where the course's provider
 *       organization sits, or, for a course a joint conference provides, the office of its host
 *       district. They create the provider's courses, schedule and cancel its sessions, and see and
 *       run a session's enrolments, check-in code, attendance and no-shows.</li>
 *   <li>A <b>person</b> enrols, cancels, reads their enrolments, records and credit hours, accepts a
 *       seat held for them and checks in with the code; nobody else takes the last two steps for
 *       them. Whoever manages the members of their home organization enrols and cancels for them;
 *       for staff of a conference member unit who are not party members, the conference office does.</li>
 *   <li>Training records (completion reports, a person's hours and lessons, the organizations
 *       themselves) are for READ_TRAINING where they sit; credit is reversed by MANAGE_TRAINING at
 *       the person's home.</li>
 *   <li>Courses, sessions and the catalogue are open to every person; another district's system
 *       reaches nothing here.</li>
 * </ul>
 * Pure: the use case looks up where the caller's scope and the target sit, in its own transaction,
 * then asks. A refusal names why: {@code not-own-record} when the caller's roles could never act
 * for another person, {@code out-of-scope} when they could, but not there.
 */
public final class TrainingAccessPolicy {

    /** Who provides a course, as far as training's projections know. */
    public sealed interface Provider permits OrganizationProvider, ConferenceProvider, UnknownProvider {
    }

    /** An organization of the tree, at {@code place}. */
    public record OrganizationProvider(Place place) implements Provider {
        public OrganizationProvider {
            Objects.requireNonNull(place, "place");
        }
    }

    /** A joint conference, run by the office of {@code hostDistrict}. */
    public record ConferenceProvider(String hostDistrict) implements Provider {
        public ConferenceProvider {
            Objects.requireNonNull(hostDistrict, "hostDistrict");
        }
    }

    /** A provider training's projections do not hold (yet): nobody runs its courses from here. */
    public record UnknownProvider(UUID id) implements Provider {
    }

    /**
     * What access needs to know of a person.
     *
     * @param home              where their home organization sits; null when training knows none
     *                          (not a party member, or the organization not yet projected)
     * @param unitOfficeDistrict for someone who is not a party member but staff of a conference member
     *                          unit still in its conference: the unit's host district; else null
     */
    public record Person(UUID id, Place home, String unitOfficeDistrict) {
        public Person {
            Objects.requireNonNull(id, "id");
        }
    }

    /** How a cancellation goes ahead: as the learner (the deadline applies to them) or as a manager; or why not. */
    public sealed interface CancelDecision permits CancelAs, CancelRefused {
    }

    public record CancelAs(Cancellation.By by) implements CancelDecision {
    }

    public record CancelRefused(Refusal refusal) implements CancelDecision {
    }

    /**
     * Which organizations a caller's READ_TRAINING reaches, for a list filtered to it: every
     * organization of {@code district}, and the subtree of {@code subtreeRoot}; either may be null.
     */
    public record Reach(String district, UUID subtreeRoot) {
        public boolean none() {
            return district == null && subtreeRoot == null;
        }
    }

    private TrainingAccessPolicy() {
    }

    /** A course's organizers: create it, schedule and cancel its sessions, run their lists, codes, attendance and no-shows. */
    public static Optional<Refusal> organizers(Scope scope, Provider provider) {
        if (scope.caller().isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (provider instanceof OrganizationProvider organization) {
            return scope.allows(Permission.MANAGE_TRAINING, organization.place());
        }
        if (provider instanceof ConferenceProvider conference) {
            return scope.conferenceOffice(conference.hostDistrict());
        }
        return Optional.of(Refusal.outOfScope("Training does not know this course's provider "
                + ((UnknownProvider) provider).id() + ", so nobody runs its sessions from here yet"));
    }

    /** Courses, sessions and the catalogue of upcoming sessions: any person. */
    public static Optional<Refusal> readOpenCatalogue(Scope scope) {
        return scope.anyPerson();
    }

    /**
     * Enrol {@code person}: themselves, or whoever manages the members of their home; for
     * non-member staff of a conference member unit, that conference's office.
     */
    public static Optional<Refusal> enrol(Scope scope, Person person) {
        return forPerson(scope, person, "enrol themselves in a session",
                Set.of(Permission.MANAGE_MEMBERS), managersOf(scope, person));
    }

    /** Enrol every member whose home is the organization at {@code organization}. */
    public static Optional<Refusal> bulkEnrol(Scope scope, Place organization) {
        return scope.allows(Permission.MANAGE_MEMBERS, organization);
    }

    /** Take the seat held for {@code personId}: only they decide whether they come. */
    public static Optional<Refusal> acceptHeldSeat(Scope scope, UUID personId) {
        return scope.self(personId, "take the seat held for them");
    }

    /** Check in with the code on the screen: a person, for themselves only. */
    public static Optional<Refusal> checkInWithCode(Scope scope, UUID personId) {
        return scope.self(personId, "check themselves in with the code shown in the room");
    }

    /**
     * Cancel {@code person}'s enrolment in a session of {@code provider}: a manager in scope
     * (whoever manages the members of their home, or the session's organizers) cancels as
     * ORGANIZER, at any time; the person as LEARNER, until the deadline. A manager cancelling their
     * own enrolment is a manager: they could cancel anyone's there.
     */
    public static CancelDecision cancelEnrolment(Scope scope, Person person, Provider provider) {
        if (scope.caller().isService()) {
            return new CancelRefused(Refusal.serviceIdentity());
        }
        Optional<Refusal> asManager = Scope.anyOf(managersOf(scope, person), organizers(scope, provider));
        if (asManager.isEmpty()) {
            return new CancelAs(Cancellation.By.ORGANIZER);
        }
        if (scope.caller().is(person.id())) {
            return new CancelAs(Cancellation.By.LEARNER);
        }
        return new CancelRefused(refusalFor(scope.caller(), "cancel their enrolment",
                Set.of(Permission.MANAGE_MEMBERS, Permission.MANAGE_TRAINING), asManager.get()));
    }

    /** One enrolment: the person, READ_TRAINING or MANAGE_MEMBERS at their home, or the session's organizers. */
    public static Optional<Refusal> readEnrolment(Scope scope, Person person, Provider provider) {
        Optional<Refusal> atHome = person.home() == null ? noHome()
                : Scope.anyOf(scope.allows(Permission.READ_TRAINING, person.home()),
                scope.allows(Permission.MANAGE_MEMBERS, person.home()));
        return forPerson(scope, person, "see their enrolment",
                Set.of(Permission.READ_TRAINING, Permission.MANAGE_MEMBERS, Permission.MANAGE_TRAINING),
                Scope.anyOf(atHome, organizers(scope, provider)));
    }

    /** A person's sessions, calendar and credit hours: the person, or READ_TRAINING at their home. */
    public static Optional<Refusal> readPersonRecords(Scope scope, Person person) {
        return forPerson(scope, person, "see their training records", Set.of(Permission.READ_TRAINING),
                person.home() == null ? noHome() : scope.allows(Permission.READ_TRAINING, person.home()));
    }

    /**
     * Reverse a credit line of {@code person}: MANAGE_TRAINING at their home. Someone training
     * knows no home for (an academy guest who is not a party member) is credited only by the
     * sessions they attend; their credit is reversed by the organizers of {@code creditedBy}, the
     * session that awarded it (empty for a line without one).
     */
    public static Optional<Refusal> reverseCredit(Scope scope, Person person, Optional<Provider> creditedBy) {
        if (person.home() != null) {
            return scope.allows(Permission.MANAGE_TRAINING, person.home());
        }
        if (creditedBy.isPresent()) {
            return organizers(scope, creditedBy.get());
        }
        return scope.caller().isService() ? Optional.of(Refusal.serviceIdentity()) : noHome();
    }

    /** The completion report of an organization and its subtree; one organization of training's projection. */
    public static Optional<Refusal> readTrainingRecords(Scope scope, Place organization) {
        return scope.allows(Permission.READ_TRAINING, organization);
    }

    /**
     * The organizations a list shows: what the caller's READ_TRAINING reaches (a district admin's
     * district, the subtree of the organization scope of another role that grants it). Nothing
     * for a caller without such a role: the list is empty, not refused.
     */
    public static Reach organizationsInReach(Caller caller) {
        if (caller.isService()) {
            return new Reach(null, null);
        }
        Set<String> granting = Permission.READ_TRAINING.grantedBy();
        String district = caller.has(Roles.DISTRICT_ADMIN) && granting.contains(Roles.DISTRICT_ADMIN)
                ? caller.district() : null;
        boolean subtreeRole = caller.roles().stream()
                .anyMatch(role -> !role.equals(Roles.DISTRICT_ADMIN) && granting.contains(role));
        UUID root = subtreeRole ? caller.orgScopeId().orElse(null) : null;
        return new Reach(district, root);
    }

    /** The organization list itself: any person (it is filtered, see {@link #organizationsInReach}). */
    public static Optional<Refusal> listOrganizations(Scope scope) {
        return scope.anyPerson();
    }

    /** A secret feed URL of one's own lessons and bookings, and the list of one's feed URLs: any person. */
    public static Optional<Refusal> subscribeToOwnCalendar(Scope scope) {
        return scope.anyPerson();
    }

    /** A secret feed URL of an organization's sessions and bookings: READ_TRAINING there. */
    public static Optional<Refusal> subscribeToOrganizationCalendar(Scope scope, Place organization) {
        return scope.allows(Permission.READ_TRAINING, organization);
    }

    /**
     * Revoke a feed URL: whoever created it; for an organization's feed also whoever may
     * READ_TRAINING there (a URL a departed secretary made is ended by the next one).
     * {@code organization} is null for a person's feed, or when training no longer knows it.
     */
    public static Optional<Refusal> revokeCalendarSubscription(Scope scope, String ownerId, Place organization) {
        Optional<Refusal> asOwner = scope.self(ownerId, "revoke a calendar feed they made");
        if (asOwner.isEmpty() || organization == null) {
            return asOwner;
        }
        return scope.allows(Permission.READ_TRAINING, organization)
                .map(elsewhere -> scope.caller().hasAny(Permission.READ_TRAINING.grantedBy()) ? elsewhere : asOwner.get());
    }

    private static Optional<Refusal> managersOf(Scope scope, Person person) {
        if (person.home() != null) {
            return scope.allows(Permission.MANAGE_MEMBERS, person.home());
        }
        if (person.unitOfficeDistrict() != null) {
            return scope.conferenceOffice(person.unitOfficeDistrict());
        }
        return noHome();
    }

    /** The person themselves, or one of {@code others} (already combined). */
    private static Optional<Refusal> forPerson(Scope scope, Person person, String what, Set<Permission> othersNeed,
                                               Optional<Refusal> others) {
        if (scope.caller().isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (scope.caller().is(person.id()) || others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(refusalFor(scope.caller(), what, othersNeed, others.get()));
    }

    private static Refusal refusalFor(Caller caller, String what, Set<Permission> othersNeed, Refusal asOther) {
        Set<String> managing = new HashSet<>();
        othersNeed.forEach(p -> managing.addAll(p.grantedBy()));
        if (caller.hasAny(managing)) {
            return asOther;
        }
        return Refusal.notYours("Only the person themselves, or whoever looks after their training, may " + what);
    }

    private static Optional<Refusal> noHome() {
        return Optional.of(Refusal.outOfScope("Training knows no home organization for this person, so nobody "
                + "manages them from here"));
    }
}
