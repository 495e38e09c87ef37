package sh.grassroots.org.access.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.access.model.AccessPolicy;
import sh.grassroots.org.access.model.Permission;
import sh.grassroots.org.access.model.Scope;
import sh.grassroots.platform.web.CallerHeaders;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The object-level checks of every org-service endpoint: looks up where the caller's scope and
 * the target sit and asks {@link AccessPolicy}. Fails the Uni with a 403 problem when refused,
 * a 404 when the target does not exist. Runs in its own session, before the operation.
 */
@ApplicationScoped
public class Access {

    /** {@code caller} may do {@code permission} at organization {@code organizationId}. */
    @WithSession
    public Uni<Void> toOrganization(CallerHeaders caller, UUID organizationId, Permission permission) {
        return scopesOf(caller, organizationId, "organization").map(found -> {
            deny(AccessPolicy.check(found.actor(), permission, found.target()));
            return null;
        });
    }

    /**
     * {@code caller} may act on member {@code memberId}: the member themselves when
     * {@code selfAllowed}, else a role whose scope holds the member's home organization.
     */
    @WithSession
    public Uni<Void> toMember(CallerHeaders caller, UUID memberId, Permission permission, boolean selfAllowed) {
        if (selfAllowed && !caller.isService() && caller.subject().equals(memberId.toString())) {
            return Panache.getSession().chain(s -> s.createNativeQuery(
                            "select 1 from member where id = ?1", Integer.class)
                    .setParameter(1, memberId).getResultList()).map(rows -> {
                        if (rows.isEmpty()) {
                            throw ProblemException.notFound("member", memberId);
                        }
                        return null;
                    });
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select home_organization_id from member where id = ?1", UUID.class)
                .setParameter(1, memberId).getResultList()).chain(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("member", memberId);
                    }
                    return scopesOf(caller, rows.get(0), "organization");
                }).map(found -> {
                    deny(AccessPolicy.check(found.actor(), permission, found.target()));
                    return null;
                });
    }

    /** {@code caller} may create a top-level organization in {@code districtCode}. */
    @WithSession
    public Uni<Void> toNewRoot(CallerHeaders caller, String districtCode) {
        return actorOf(caller).map(actor -> {
            deny(AccessPolicy.checkNewRoot(actor, districtCode));
            return null;
        });
    }

    /** The caller as the policy sees them (their scope looked up), for checks made elsewhere. */
    @WithSession
    public Uni<AccessPolicy.Actor> actor(CallerHeaders caller) {
        return actorOf(caller);
    }

    /** Where an organization sits, or null if there is no such organization. */
    @WithSession
    public Uni<Scope> scopeOf(UUID organizationId) {
        return lookup(organizationId);
    }

    private record Found(AccessPolicy.Actor actor, Scope target) {
    }

    private Uni<Found> scopesOf(CallerHeaders caller, UUID targetId, String what) {
        return lookup(targetId).chain(target -> {
            if (target == null) {
                throw ProblemException.notFound(what, targetId);
            }
            return actorOf(caller).map(actor -> new Found(actor, target));
        });
    }

    private Uni<AccessPolicy.Actor> actorOf(CallerHeaders caller) {
        Optional<UUID> scopeId = parse(caller.orgScope());
        Uni<Scope> scope = scopeId.isEmpty() ? Uni.createFrom().nullItem() : lookup(scopeId.get());
        return scope.map(s -> new AccessPolicy.Actor(caller.isService(), caller.roles(), caller.district(), s));
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

    private static void deny(Optional<AccessPolicy.Denial> denial) {
        denial.ifPresent(d -> {
            throw new ProblemException(Problem.of(403, d.slug(), "Forbidden", d.detail()));
        });
    }
}
