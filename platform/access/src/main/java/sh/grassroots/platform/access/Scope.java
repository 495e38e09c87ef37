package sh.grassroots.platform.access;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller's roles reach, and the checks every service's access policy is made of. The
 * scopes of this domain:
 * <ul>
 *   <li>a <b>district</b>: a district admin acts on everything of the district their token names;</li>
 *   <li>a <b>subtree</b>: organizers, branch secretaries and training admins act below (and at)
 *       the organization of their {@code org_scope}, each for the {@link Permission}s their role
 *       grants;</li>
 *   <li>a <b>person</b>: everyone acts on their own records;</li>
 *   <li>a <b>joint conference</b>: its office is the host district's admin or an organizer acting
 *       for that district;</li>
 *   <li>a <b>station</b>: its managers, named by the district admin, and that admin.</li>
 * </ul>
 * Another district's system (a service identity) reaches none of these. Pure: the service looks
 * up the place of the caller's organization scope and of the target (in its own tables, inside the
 * use case's transaction) and asks.
 */
public final class Scope {
    private static final Set<String> CONFERENCE_OFFICE = Set.of(Roles.DISTRICT_ADMIN, Roles.ORGANIZER);

    private final Caller caller;
    private final Place orgScope;

    private Scope(Caller caller, Place orgScope) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.orgScope = orgScope;
    }

    /**
     * @param orgScopePlace where the caller's {@code org_scope} organization sits, or null when they
     *                      have none or it names no organization the service knows
     */
    public static Scope of(Caller caller, Place orgScopePlace) {
        return new Scope(caller, orgScopePlace);
    }

    public Caller caller() {
        return caller;
    }

    /** Where the caller's organization scope sits, when it names a known organization. */
    public Optional<Place> orgScope() {
        return Optional.ofNullable(orgScope);
    }

    /** True when one of the caller's roles grants {@code permission} at {@code target} within its scope. */
    public boolean reaches(Permission permission, Place target) {
        if (caller.isService()) {
            return false;
        }
        Set<String> granting = permission.grantedBy();
        if (caller.has(Roles.DISTRICT_ADMIN) && granting.contains(Roles.DISTRICT_ADMIN)
                && target.districtCode().equals(caller.district())) {
            return true;
        }
        if (orgScope == null || !target.within(orgScope)) {
            return false;
        }
        for (String role : caller.roles()) {
            if (!role.equals(Roles.DISTRICT_ADMIN) && granting.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Empty when the caller may do {@code permission} at {@code target}; else why not. */
    public Optional<Refusal> allows(Permission permission, Place target) {
        if (caller.isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (reaches(permission, target)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.outOfScope(explain(permission)));
    }

    /** Any person (a service identity is refused): what is open to everyone signed in. */
    public Optional<Refusal> anyPerson() {
        return caller.isService() ? Optional.of(Refusal.serviceIdentity()) : Optional.empty();
    }

    /** Only the person {@code personId} themselves; {@code what} names the thing for the refusal. */
    public Optional<Refusal> self(Object personId, String what) {
        if (caller.isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        return caller.is(personId) ? Optional.empty()
                : Optional.of(Refusal.notYours("Only the person themselves may " + what));
    }

    /** The person {@code personId} themselves, or {@code permission} at {@code home}, where their record is. */
    public Optional<Refusal> selfOr(Object personId, Permission permission, Place home) {
        if (caller.is(personId)) {
            return Optional.empty();
        }
        return home == null ? Optional.of(caller.isService() ? Refusal.serviceIdentity()
                : Refusal.notYours("These are another person's records"))
                : allows(permission, home);
    }

    /** The office of a joint conference hosted by {@code hostDistrict}: that district's admin or organizers. */
    public Optional<Refusal> conferenceOffice(String hostDistrict) {
        if (caller.isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (caller.hasAny(CONFERENCE_OFFICE) && hostDistrict.equals(caller.district())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.outOfScope("A joint conference hosted by district " + hostDistrict
                + " is run by that district's admin or organizers"));
    }

    /** One of a station's {@code managers} (by subject) with the station manager role, or its district's admin. */
    public Optional<Refusal> managesStation(Collection<String> managers, String stationDistrict) {
        if (caller.isService()) {
            return Optional.of(Refusal.serviceIdentity());
        }
        if (caller.has(Roles.DISTRICT_ADMIN) && stationDistrict.equals(caller.district())) {
            return Optional.empty();
        }
        if (caller.has(Roles.STATION_MANAGER) && managers.contains(caller.subject())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.outOfScope("Only this station's managers or the admin of district "
                + stationDistrict + " may do this"));
    }

    /**
     * Allowed when any of {@code alternatives} allows; otherwise the first refusal (so put the
     * alternative whose refusal explains best first).
     */
    @SafeVarargs
    public static Optional<Refusal> anyOf(Optional<Refusal>... alternatives) {
        Optional<Refusal> first = Optional.empty();
        for (Optional<Refusal> alternative : alternatives) {
            if (alternative.isEmpty()) {
                return Optional.empty();
            }
            if (first.isEmpty()) {
                first = alternative;
            }
        }
        return first;
    }

    private String explain(Permission permission) {
        if (caller.roles().stream().noneMatch(permission.grantedBy()::contains)) {
            return "None of your roles " + sorted(caller.roles()) + " allows this; it needs one of "
                    + sorted(permission.grantedBy());
        }
        return "This lies outside your scope: your roles " + sorted(caller.roles()) + " apply to "
                + (orgScope != null ? "the subtree of organization " + caller.orgScope() : "")
                + (orgScope != null && caller.district() != null ? " and " : "")
                + (caller.district() != null ? "district " + caller.district() : "")
                + (orgScope == null && caller.district() == null ? "no organization or district" : "");
    }

    private static java.util.List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }
}
