package sh.grassroots.org.access.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.platform.web.Callers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The access checks of org-service's use cases: looks up where the caller's organization scope
 * and the target sit and asks {@link OrgAccessPolicy} (or the shared {@link Scope}); fails the
 * Uni with a 403 problem carrying the refusal's slug. org-service keeps the tree's shape itself
 * ({@code organization.path}), so places are read from there.
 * <p>
 * Opens no session or transaction of its own: call it as a step of the use case's
 * {@code @WithTransaction}/{@code @WithSession} pipeline, after loading (and locking, where the
 * operation locks) the target, so that the check and the operation see the same rows.
 */
@ApplicationScoped
public class Access {

    /** Allowed when {@code rule} finds no refusal for the caller's scope (their org scope looked up). */
    public Uni<Void> check(Caller caller, Function<Scope, Optional<Refusal>> rule) {
        return scopeOf(caller).map(scope -> enforce(rule.apply(scope)));
    }

    /**
     * Like {@link #check} for rules that depend only on who the caller is (a person or a
     * district's system, their roles and district), not on where their organization scope sits.
     */
    public static Uni<Void> checkCaller(Caller caller, Function<Scope, Optional<Refusal>> rule) {
        return Uni.createFrom().item(() -> enforce(rule.apply(Scope.of(caller, null))));
    }

    /** {@code permission} at the organization at {@code target}. */
    public Uni<Void> toOrganization(Caller caller, Permission permission, Place target) {
        return check(caller, scope -> OrgAccessPolicy.organization(scope, permission, target));
    }

    /**
     * {@code permission} at an organization named in a request body. When there is no such
     * organization this passes: the operation itself answers, with the 422 that names the field.
     */
    public Uni<Void> toReferencedOrganization(Caller caller, UUID organizationId, Permission permission) {
        return placeOf(organizationId).chain(target -> target == null ? Uni.createFrom().voidItem()
                : toOrganization(caller, permission, target));
    }

    /**
     * A member's records, whose home is {@code homeOrganizationId}: the member themselves when
     * {@code selfAllowed}, else {@code permission} at their home.
     */
    public Uni<Void> toMember(Caller caller, UUID memberId, UUID homeOrganizationId, Permission permission,
                              boolean selfAllowed) {
        return placeOf(homeOrganizationId).chain(home -> check(caller,
                scope -> OrgAccessPolicy.member(scope, memberId.toString(), home, permission, selfAllowed)));
    }

    /** A person's {@code step} on a transfer. */
    public Uni<Void> toTransfer(Caller caller, OrgAccessPolicy.TransferStep step, UUID memberId,
                                UUID fromOrganizationId, UUID toOrganizationId) {
        return partiesOf(memberId, fromOrganizationId, toOrganizationId)
                .chain(parties -> check(caller, scope -> OrgAccessPolicy.transfer(scope, step, parties)));
    }

    /** A district's system on a transfer addressed to its district (see {@link OrgAccessPolicy#interDistrictTransfer}). */
    public Uni<Void> toInterDistrictTransfer(Caller caller, UUID memberId, UUID fromOrganizationId,
                                             UUID toOrganizationId, boolean readsMemberCard, boolean closedWithoutMove) {
        return partiesOf(memberId, fromOrganizationId, toOrganizationId)
                .chain(parties -> checkCaller(caller, scope -> OrgAccessPolicy.interDistrictTransfer(scope, parties,
                        readsMemberCard, closedWithoutMove)));
    }

    /** Where the caller's organization scope sits, when it names an organization; the caller alone otherwise. */
    public Uni<Scope> scopeOf(Caller caller) {
        Optional<UUID> scopeId = caller.orgScopeId();
        if (scopeId.isEmpty()) {
            return Uni.createFrom().item(Scope.of(caller, null));
        }
        return placeOf(scopeId.get()).map(place -> Scope.of(caller, place));
    }

    /** Where an organization sits; null when there is no such organization. */
    public Uni<Place> placeOf(UUID organizationId) {
        if (organizationId == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select district_code, path from organization where id = ?1", Object[].class)
                .setParameter(1, organizationId).getResultList())
                .map((List<Object[]> rows) -> rows.isEmpty() ? null
                        : new Place(((String) rows.get(0)[0]).trim(), (String) rows.get(0)[1]));
    }

    private Uni<OrgAccessPolicy.TransferParties> partiesOf(UUID memberId, UUID fromOrganizationId,
                                                           UUID toOrganizationId) {
        return placeOf(fromOrganizationId).chain(from -> placeOf(toOrganizationId)
                .map(to -> new OrgAccessPolicy.TransferParties(memberId.toString(), from, to)));
    }

    private static Void enforce(Optional<Refusal> refusal) {
        Callers.enforce(refusal);
        return null;
    }
}
