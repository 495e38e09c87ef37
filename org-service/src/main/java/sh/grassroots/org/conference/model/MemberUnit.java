package sh.grassroots.org.conference.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A member unit (成员单位) of a conference: a company, a market or a sub-district. It may point
 * at an organization of the tree (its party committee) but need not: many units' committees
 * report to other systems. Dates are inclusive; a unit that left on {@code leftOn} is no longer
 * a member that day.
 */
public record MemberUnit(UUID id, String name, Sector sector, Optional<UUID> organizationId,
                         LocalDate joinedOn, Optional<LocalDate> leftOn) {

    /** A member on {@code day}: joined on or before it and not yet left. */
    public boolean memberOn(LocalDate day) {
        return !day.isBefore(joinedOn) && leftOn.map(day::isBefore).orElse(true);
    }

    /** A member on every day of {@code [from, until]}. */
    public boolean memberThroughout(LocalDate from, LocalDate until) {
        return !from.isBefore(joinedOn) && leftOn.map(until::isBefore).orElse(true);
    }

    /** The same unit as another joining: same name (ignoring case and spaces) or same organization. */
    boolean sameUnitAs(String otherName, Optional<UUID> otherOrganization) {
        return key(name).equals(key(otherName))
                || (organizationId.isPresent() && organizationId.equals(otherOrganization));
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase();
    }
}
