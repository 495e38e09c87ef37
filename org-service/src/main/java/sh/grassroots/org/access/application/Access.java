package sh.grassroots.org.access.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.access.model.AccessPolicy;
import sh.grassroots.org.access.model.Permission;
import sh.grassroots.org.access.model.Scope;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The object-level checks of every org-service endpoint: looks up where the caller's scope and
 * the target sit and asks {@link AccessPolicy}. Fails the Uni with a 403 problem when refused,
 * a 404 when the target does not exist. Runs in its own session, before the operation; what it
 * reads to decide (an organization's district and path, a member's home, a transfer's two ends)
 * is what the operation itself does not change.
 */
@ApplicationScoped
public class Access {

    /** {@code caller} may do {@code permission} at organization {@code organizationId}. */
    @WithSession
    public Uni<Void> toOrganization(Caller caller, UUID organizationId, Permission permission) {
        return lookup(organizationId).chain(target -> {
            if (target == null) {
                throw ProblemException.notFound("Organization", organizationId);
            }
            return actorOf(caller).map(actor -> deny(AccessPolicy.check(actor, permission, target)));
        });
    }

    /**
     * Like {@link #toOrganization} for an organization named in a request body: when there is no
     * such organization the operation itself answers, with the 422 that names the field.
     */
    @WithSession
    public Uni<Void> toReferencedOrganization(Caller caller, UUID organizationId, Permission permission) {
        return lookup(organizationId).chain(target -> target == null ? Uni.createFrom().voidItem()
                : actorOf(caller).map(actor -> deny(AccessPolicy.check(actor, permission, target))));
    }

    /** {@code caller} may create a top-level organization in {@code districtCode}. */
    @WithSession
    public Uni<Void> toNewRoot(Caller caller, String districtCode) {
        return actorOf(caller).map(actor -> deny(AccessPolicy.checkNewRoot(actor, districtCode)));
    }

    /** The caller as the policy sees them (their scope looked up), for checks made elsewhere. */
    @WithSession
    public Uni<AccessPolicy.Actor> actor(Caller caller) {
        return actorOf(caller);
    }

    /** Where an organization sits, or null if there is no such organization. */
    @WithSession
    public Uni<Scope> scopeOf(UUID organizationId) {
        return lookup(organizationId);
    }

    /** An organization's own card and path: any person (not a service identity). */
    public Uni<Void> toOpenRead(Caller caller) {
        return Uni.createFrom().item(() -> deny(AccessPolicy.checkOpenRead(
                new AccessPolicy.Actor(caller.subject(), caller.isService(), caller.roles(), caller.district(), null))));
    }

    /**
     * {@code caller} may act on member {@code memberId}: the member themselves when
     * {@code selfAllowed}, else a role whose scope holds the member's home organization.
     */
    @WithSession
    public Uni<Void> toMember(Caller caller, UUID memberId, Permission permission, boolean selfAllowed) {
        return homeOf(memberId).chain(home -> {
            if (home == null) {
                throw ProblemException.notFound("Member", memberId);
            }
            return actorOf(caller).map(actor -> deny(AccessPolicy.checkMember(actor, memberId.toString(), home,
                    permission, selfAllowed)));
        });
    }

    /** Like {@link #toMember} for a member named in a request body (unknown: the operation's 422). */
    @WithSession
    public Uni<Void> toReferencedMember(Caller caller, UUID memberId, Permission permission, boolean selfAllowed) {
        return homeOf(memberId).chain(home -> home == null ? Uni.createFrom().voidItem()
                : actorOf(caller).map(actor -> deny(AccessPolicy.checkMember(actor, memberId.toString(), home,
                        permission, selfAllowed))));
    }

    /** {@code caller}, a person, may take {@code step} on transfer {@code transferId}. */
    @WithSession
    public Uni<Void> toTransfer(Caller caller, UUID transferId, AccessPolicy.TransferStep step) {
        return transfer(transferId).chain(found -> actorOf(caller)
                .map(actor -> deny(AccessPolicy.checkTransfer(actor, step, found.parties()))));
    }

    /**
     * {@code caller}, another district's system, may act on transfer {@code transferId}: it is
     * addressed to that district from another one.
     */
    @WithSession
    public Uni<Void> toInterDistrictTransfer(Caller caller, UUID transferId, boolean readsMemberCard) {
        return transfer(transferId).map(found -> deny(AccessPolicy.checkInterDistrict(serviceActor(caller),
                found.parties(), readsMemberCard, found.closedWithoutMove())));
    }

    /** The district a service identity acts for; fails with 403 for anyone else. */
    public Uni<String> serviceDistrict(Caller caller) {
        return Uni.createFrom().item(() -> {
            deny(AccessPolicy.checkServiceIdentity(serviceActor(caller)));
            return caller.district();
        });
    }

    private record FoundTransfer(AccessPolicy.TransferParties parties, boolean closedWithoutMove) {
    }

    private Uni<FoundTransfer> transfer(UUID transferId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select cast(t.member_id as text), t.status, f.district_code, f.path, o.district_code, o.path "
                                + "from transfer t join organization f on f.id = t.from_organization_id "
                                + "join organization o on o.id = t.to_organization_id where t.id = ?1", Object[].class)
                .setParameter(1, transferId).getResultList())
                .map((List<Object[]> rows) -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("Transfer", transferId);
                    }
                    Object[] row = rows.get(0);
                    String status = (String) row[1];
                    return new FoundTransfer(new AccessPolicy.TransferParties((String) row[0],
                            new Scope(((String) row[2]).trim(), (String) row[3]),
                            new Scope(((String) row[4]).trim(), (String) row[5])),
                            status.equals("REJECTED") || status.equals("CANCELLED"));
                });
    }

    private Uni<Scope> homeOf(UUID memberId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select o.district_code, o.path from member m join organization o on o.id = m.home_organization_id "
                                + "where m.id = ?1", Object[].class)
                .setParameter(1, memberId).getResultList())
                .map((List<Object[]> rows) -> rows.isEmpty() ? null
                        : new Scope(((String) rows.get(0)[0]).trim(), (String) rows.get(0)[1]));
    }

    private static AccessPolicy.Actor serviceActor(Caller caller) {
        return new AccessPolicy.Actor(caller.subject(), caller.isService(), caller.roles(), caller.district(), null);
    }

    private Uni<AccessPolicy.Actor> actorOf(Caller caller) {
        Optional<UUID> scopeId = parse(caller.orgScope());
        Uni<Scope> scope = scopeId.isEmpty() ? Uni.createFrom().nullItem() : lookup(scopeId.get());
        return scope.map(s -> new AccessPolicy.Actor(caller.subject(), caller.isService(), caller.roles(),
                caller.district(), s));
    }

    private Uni<Scope> lookup(UUID organizationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select district_code, path from organization where id = ?1", Object[].class)
                .setParameter(1, organizationId).getResultList())
                .map((List<Object[]> rows) -> rows.isEmpty() ? null
                        : new Scope(((String) rows.get(0)[0]).trim(), (String) rows.get(0)[1]));
    }

    private static Optional<UUID> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Void deny(Optional<AccessPolicy.Denial> denial) {
        denial.ifPresent(d -> {
            throw new ProblemException(Problem.of(403, d.slug(), "Forbidden", d.detail()));
        });
        return null;
    }
}
