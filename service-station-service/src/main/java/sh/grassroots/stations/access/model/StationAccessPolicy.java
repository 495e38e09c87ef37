package sh.grassroots.stations.access.model;

import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Roles;
import sh.grassroots.platform.access.Scope;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what at a station, built on the platform's {@link Scope}. A station belongs to a
 * district; its managers are people the district's admin named, and that admin counts as one of
 * them. A booking has a side: the member who booked, whoever manages the members of the booking
 * organization, the office of the conference a booking member unit belongs to. Walk-ins have no
 * side of their own: the station's managers book for them at the desk.
 * <p>
 * Every method answers empty when allowed, else the refusal (403 with its slug). Unknown targets
 * are not asked about: the service answers 404 (or 422 for an id named in a body) first.
 */
public final class StationAccessPolicy {
    private final Scope scope;

    public StationAccessPolicy(Scope scope) {
        this.scope = scope;
    }

    public Caller caller() {
        return scope.caller();
    }

    /** What the policy knows of a station: its district and the subjects of its named managers. */
    public record Station(UUID id, String districtCode, Set<String> managers) {
        public Station {
            managers = Set.copyOf(managers);
        }
    }

    /** Who a booking is for, with what deciding its side needs (null where the service does not know it). */
    public sealed interface Booker permits Member, Organization, MemberUnit, WalkIn {
    }

    public record Member(UUID personId) implements Booker {
    }

    /** {@code place} is null when the service's projection does not know the organization. */
    public record Organization(UUID organizationId, Place place) implements Booker {
    }

    /** {@code hostDistrict} is that of the unit's conference; null when the unit is not known. */
    public record MemberUnit(UUID unitId, String hostDistrict) implements Booker {
    }

    public record WalkIn() implements Booker {
    }

    /** Station details, rooms, free slots, the redacted day list: anyone signed in. */
    public Optional<Refusal> look() {
        return scope.anyPerson();
    }

    /** A new station in {@code districtCode}: that district's admin. */
    public Optional<Refusal> createStation(String districtCode) {
        return districtAdmin(districtCode, "A station of district " + districtCode + " is set up by that district's admin");
    }

    /** Naming or removing a station's managers: the admin of the station's district. */
    public Optional<Refusal> appointManagers(Station station) {
        return districtAdmin(station.districtCode(), "The managers of a station are named by the admin of district "
                + station.districtCode());
    }

    /** Running the station: rooms, closures, approvals, check-in, walk-ins, usage, the full day list. */
    public Optional<Refusal> manage(Station station) {
        return scope.managesStation(station.managers(), station.districtCode());
    }

    /** True when the caller runs the station: they see names, purposes and the clear phone numbers. */
    public boolean runs(Station station) {
        return manage(station).isEmpty();
    }

    /** Placing a booking for {@code booker} at {@code station}: the booker is the caller, or theirs to book for. */
    public Optional<Refusal> book(Station station, Booker booker) {
        return booker instanceof WalkIn ? manage(station) : side(booker);
    }

    /**
     * A mediation is arranged by the site's organization (or a member unit) or by the station that
     * hosts the mediation platform; its record is theirs only.
     */
    public Optional<Refusal> mediation(Station station, Booker booker) {
        return Scope.anyOf(manage(station), side(booker));
    }

    /** Reading or cancelling a booking: its side or the station's managers. */
    public Optional<Refusal> actOnBooking(Station station, Booker booker) {
        return Scope.anyOf(side(booker), manage(station));
    }

    /** True when the caller sees the booking in full in lists and feeds (else a busy slot). */
    public boolean seesInFull(Station station, Booker booker) {
        return runs(station) || side(booker).isEmpty();
    }

    /** An organization's booking feed: whoever manages its members or reads its subtree. */
    public Optional<Refusal> organizationBookings(Place organization) {
        return Scope.anyOf(scope.allows(Permission.MANAGE_MEMBERS, organization),
                scope.allows(Permission.READ_SUBTREE, organization));
    }

    /** A person's own upcoming bookings: that person only. */
    public Optional<Refusal> personsBookings(UUID personId) {
        if (scope.caller().isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        return scope.self(personId, "see these bookings");
    }

    /**
     * The booker's side: the member themselves; MANAGE_MEMBERS at the booking organization; the
     * office of the member unit's conference. Nobody is a walk-in's side.
     */
    public Optional<Refusal> side(Booker booker) {
        if (scope.caller().isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (booker instanceof Member member) {
            return scope.self(member.personId(), "book for themselves or act on their own bookings");
        }
        if (booker instanceof Organization organization) {
            if (organization.place() == null) {
                return Optional.of(Refusal.outOfScope("Organization " + organization.organizationId()
                        + " is not known to the stations service, so nobody acts in its name here"));
            }
            return scope.allows(Permission.MANAGE_MEMBERS, organization.place());
        }
        if (booker instanceof MemberUnit unit) {
            if (unit.hostDistrict() == null) {
                return Optional.of(Refusal.outOfScope("Member unit " + unit.unitId()
                        + " is not known to the stations service, so nobody acts in its name here"));
            }
            return scope.conferenceOffice(unit.hostDistrict());
        }
        return Optional.of(Refusal.outOfScope("A walk-in's booking is handled by the station's managers"));
    }

    private Optional<Refusal> districtAdmin(String districtCode, String detail) {
        Caller caller = scope.caller();
        if (caller.isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (caller.has(Roles.DISTRICT_ADMIN) && districtCode.equals(caller.district())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.outOfScope(detail));
    }
}
