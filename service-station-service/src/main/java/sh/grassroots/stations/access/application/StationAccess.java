package sh.grassroots.stations.access.application;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;
import sh.grassroots.platform.web.Rejections;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.platform.orgtree.OrganizationPlaces;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.access.model.StationAccessPolicy.Booker;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.conference.persistence.MemberUnitEntity;
import sh.grassroots.stations.organization.persistence.KnownOrganizationEntity;
import sh.grassroots.stations.station.persistence.StationEntity;
import sh.grassroots.stations.station.persistence.StationManagerEntity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the use cases look up to ask {@link StationAccessPolicy}: where the caller's organization
 * scope sits, a station's managers, a booker's organization place or member unit. Runs in the use
 * case's session and transaction (it opens none), after the use case loaded its target.
 */
@ApplicationScoped
public class StationAccess {
    // The booker named in a request body that stations cannot take: the request's 422 naming bookerId.
    static final Rule UNKNOWN_ORGANIZATION = Rule.of("booking-unknown-organization", RuleKind.INVALID);
    static final Rule ORGANIZATION_DISSOLVED = Rule.of("booking-organization-dissolved", RuleKind.INVALID);
    static final Rule UNKNOWN_MEMBER_UNIT = Rule.of("booking-unknown-member-unit", RuleKind.INVALID);
    static final Rule MEMBER_UNIT_LEFT = Rule.of("booking-member-unit-left", RuleKind.INVALID);

    private final OrganizationPlaces places;

    public StationAccess(OrganizationPlaces places) {
        this.places = places;
    }

    /** The caller's policy; their organization scope is looked up only when they have one. */
    public Uni<StationAccessPolicy> policy(Caller caller) {
        return places.placeOf(caller.orgScopeId().orElse(null))
                .map(place -> new StationAccessPolicy(Scope.of(caller, place)));
    }

    /** The station as the policy sees it, with its named managers. */
    public Uni<StationAccessPolicy.Station> station(StationEntity station) {
        return managers(station.id).map(managers -> new StationAccessPolicy.Station(station.id, station.districtCode,
                Set.copyOf(managers)));
    }

    public Uni<List<String>> managers(UUID stationId) {
        return StationManagerEntity.<StationManagerEntity>list("key.stationId = ?1 order by key.subject", stationId)
                .map(rows -> rows.stream().map(m -> m.key.subject).collect(Collectors.toList()));
    }

    /** The booker of a stored booking; an organization or unit stations does not know has no side. */
    public Uni<Booker> booker(BookerKind kind, UUID bookerId) {
        return switch (kind) {
            case PUBLIC -> Uni.createFrom().item(new StationAccessPolicy.WalkIn());
            case MEMBER -> Uni.createFrom().item(new StationAccessPolicy.Member(bookerId));
            case ORGANIZATION -> places.placeOf(bookerId)
                    .map(place -> new StationAccessPolicy.Organization(bookerId, place));
            case MEMBER_UNIT -> bookerId == null
                    ? Uni.createFrom().item(new StationAccessPolicy.MemberUnit(null, null))
                    : MemberUnitEntity.<MemberUnitEntity>findById(bookerId)
                    .map(unit -> new StationAccessPolicy.MemberUnit(bookerId, unit == null ? null : unit.hostDistrict));
        };
    }

    /**
     * The booker a request names, for a new booking: an organization or member unit stations does
     * not know (or no longer active) is the request's 422 naming {@code bookerId}.
     */
    public Uni<Booker> namedBooker(BookerKind kind, UUID bookerId) {
        if (kind == BookerKind.ORGANIZATION) {
            return KnownOrganizationEntity.<KnownOrganizationEntity>findById(bookerId).chain(known -> {
                if (known == null) {
                    return Uni.createFrom().failure(unknown(UNKNOWN_ORGANIZATION.rejects(
                            "Organization " + bookerId
                                    + " is not known to the stations service. One set up a moment ago may take a"
                                    + " second or two to arrive from org-service: try again shortly")));
                }
                if (known.dissolvedOn != null) {
                    return Uni.createFrom().failure(unknown(ORGANIZATION_DISSOLVED.rejects(
                            "Organization " + bookerId + " was dissolved on " + known.dissolvedOn + " and books no rooms")));
                }
                return booker(kind, bookerId);
            });
        }
        if (kind == BookerKind.MEMBER_UNIT) {
            return MemberUnitEntity.<MemberUnitEntity>findById(bookerId).chain(unit -> {
                if (unit == null) {
                    return Uni.createFrom().failure(unknown(UNKNOWN_MEMBER_UNIT.rejects(
                            "Member unit " + bookerId
                                    + " is not known to the stations service. One that joined its conference a moment"
                                    + " ago may take a second or two to arrive from org-service: try again shortly")));
                }
                if (unit.leftOn != null) {
                    return Uni.createFrom().failure(unknown(MEMBER_UNIT_LEFT.rejects(
                            "Member unit " + bookerId
                                    + " left its joint conference on " + unit.leftOn + " and books no rooms in its name")));
                }
                return Uni.createFrom().item(new StationAccessPolicy.MemberUnit(bookerId, unit.hostDistrict));
            });
        }
        return booker(kind, bookerId);
    }

    /** Fails with the 403 problem of a refusal; passes {@code value} on when there is none. */
    public static <T> Uni<T> enforce(Optional<Refusal> refusal, T value) {
        return refusal.isPresent() ? Uni.createFrom().failure(Callers.forbidden(refusal.get()))
                : Uni.createFrom().item(value);
    }

    private static ProblemException unknown(Rejection rejection) {
        return Rejections.exception(rejection, "bookerId", rejection.detail());
    }
}
