package sh.grassroots.org.tree.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.model.SizePolicy;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.org.tree.persistence.OrganizationChangeEntity;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.org.tree.persistence.TreeStore;
import sh.grassroots.platform.web.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads of the tree: subtrees, histories and counts need READ_SUBTREE at the organization; its
 * path to the root is open to any person, like its card.
 */
@ApplicationScoped
public class OrganizationQueries {
    private final TreeStore tree;
    private final Access access;

    public OrganizationQueries(TreeStore tree, Access access) {
        this.tree = tree;
        this.access = access;
    }

    /** {@code actor}: who made the change; null when it was made before that was recorded. */
    public record ChangeView(String change, String fromValue, String toValue, LocalDate effectiveOn,
                             String documentNumber, OffsetDateTime occurredAt, Actor actor) {
        static ChangeView of(OrganizationChangeEntity e) {
            return new ChangeView(e.change, e.fromValue, e.toValue, e.effectiveOn, e.documentNumber, e.occurredAt,
                    e.actor());
        }
    }

    public record MemberCounts(UUID organizationId, long full, long probationary, long total) {
    }

    public record FlagView(String rule, String detail) {
    }

    /** An organization's members (its whole subtree) against the size rules of its kind. */
    public record SizeView(UUID organizationId, String name, OrganizationKind kind, long full, long probationary,
                           long total, List<FlagView> flags) {
        static SizeView of(TreeStore.SizeRow row) {
            OrganizationKind kind = OrganizationKind.valueOf(row.kind());
            var counts = new SizePolicy.Counts(row.full(), row.probationary());
            return new SizeView(row.id(), row.name(), kind, counts.full(), counts.probationary(), counts.total(),
                    SizePolicy.flags(kind, counts).stream()
                            .map(f -> new FlagView(f.rule().slug(), f.detail())).toList());
        }
    }

    /**
     * Everything below an organization, depth first (parents before their children), one index
     * range of paths; the cursor is the path of the last organization shown.
     */
    @WithSession
    public Uni<Page<OrganizationView>> descendants(Caller caller, UUID id, int limit, String cursor) {
        return readable(caller, id).chain(root -> {
            TreePath subtree = new TreePath(root.path);
            String after = subtree.value();
            if (cursor != null) {
                String last = Cursors.decode(cursor);
                if (!last.startsWith(subtree.value())) {
                    return Uni.createFrom().failure(Cursors.invalid());
                }
                after = last;
            }
            return OrganizationEntity.<OrganizationEntity>find("path > ?1 and path < ?2 order by path",
                            after, subtree.subtreeUpperBound())
                    .page(0, limit + 1).list()
                    .map(rows -> Page.of(rows, limit, (OrganizationEntity last) -> Cursors.encode(last.path))
                            .map(OrganizationView::of));
        });
    }

    /** From the top of the tree down to the organization itself. */
    @WithSession
    public Uni<List<OrganizationView>> pathToRoot(Caller caller, UUID id) {
        return Access.checkCaller(caller, OrgAccessPolicy::openRead).chain(() -> OrganizationService.load(id))
                .chain(organization -> {
                    List<UUID> ids = new TreePath(organization.path).ids();
                    return OrganizationEntity.<OrganizationEntity>list("id in ?1", ids).map(rows -> {
                        Map<UUID, OrganizationEntity> byId = rows.stream()
                                .collect(Collectors.toMap(o -> o.id, Function.identity()));
                        return ids.stream().map(byId::get).map(OrganizationView::of).toList();
                    });
                });
    }

    @WithSession
    public Uni<Page<ChangeView>> history(Caller caller, UUID id, int limit, String cursor) {
        return readable(caller, id).chain(organization -> {
            long after;
            try {
                after = cursor == null ? 0 : Long.parseLong(Cursors.decode(cursor));
            } catch (IllegalArgumentException | ProblemException e) {
                return Uni.createFrom().failure(Cursors.invalid());
            }
            return changesAfter(id, after, limit);
        });
    }

    private static Uni<Page<ChangeView>> changesAfter(UUID id, long after, int limit) {
        return OrganizationChangeEntity
                .<OrganizationChangeEntity>find("organizationId = ?1 and id > ?2 order by id", id, after)
                .page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, (OrganizationChangeEntity last) -> Cursors.encode(last.id.toString()))
                        .map(ChangeView::of));
    }

    /**
     * The size report of a subtree, for a district organizer: every active organization from the
     * given one down, in tree order, with its counts and the size rules it breaks.
     */
    @WithSession
    public Uni<Page<SizeView>> sizeReport(Caller caller, UUID id, int limit, String cursor) {
        return readable(caller, id).chain(root -> {
            TreePath subtree = new TreePath(root.path);
            // Just below the root's own path, so that the first page starts with the root itself.
            String after = subtree.value().substring(0, subtree.value().length() - 1);
            if (cursor != null) {
                String last = Cursors.decode(cursor);
                if (!last.startsWith(subtree.value())) {
                    return Uni.createFrom().failure(Cursors.invalid());
                }
                after = last;
            }
            return tree.sizesIn(subtree, after, limit + 1)
                    .map(rows -> Page.of(rows, limit, (TreeStore.SizeRow last) -> Cursors.encode(last.path()))
                            .map(SizeView::of));
        });
    }

    /** Active members whose home organization is this one or any below it. */
    @WithSession
    public Uni<MemberCounts> memberCounts(Caller caller, UUID id) {
        return readable(caller, id).chain(organization -> tree.activeMembersIn(new TreePath(organization.path))
                .map(counts -> new MemberCounts(id, counts[0], counts[1], counts[0] + counts[1])));
    }

    /** The organization, once the caller may read its subtree (404 when there is none). */
    private Uni<OrganizationEntity> readable(Caller caller, UUID id) {
        return OrganizationService.load(id)
                .call(organization -> access.toOrganization(caller, Permission.READ_SUBTREE, organization.place()));
    }
}
