package sh.grassroots.org.tree.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.tree.model.TreePath;

import java.util.List;
import java.util.UUID;

/**
 * The SQL that works on whole subtrees by their paths. Runs in the caller's session and
 * transaction.
 */
@ApplicationScoped
public class TreeStore {

    /**
     * Serialises structural changes of one district's tree. A move or a dissolution takes it
     * exclusively; anything that copies a path to write below it (create, register, complete a
     * transfer) shares it. Otherwise a child created under a node being moved would keep the
     * node's old path, a branch could be dissolved while a member is registered into it, and, if
     * the kind rules ever let a node hold its own kind, two crossing moves could each pass the
     * cycle check and make a loop together.
     */
    public Uni<Void> lockDistrictExclusively(String districtCode) {
        return lock("pg_advisory_xact_lock", districtCode);
    }

    /** The district never changes, so it can be read before the district's lock is taken. */
    public Uni<String> districtOf(UUID organizationId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select district_code from organization where id = ?1", String.class)
                .setParameter(1, organizationId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    public Uni<Void> lockDistrictShared(String districtCode) {
        return lock("pg_advisory_xact_lock_shared", districtCode);
    }

    private Uni<Void> lock(String function, String districtCode) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from " + function + "(hashtext(?1))", Integer.class)
                .setParameter(1, "org-tree:" + districtCode)
                .getSingleResult()).replaceWithVoid();
    }

    /** Rewrites the paths of a moved subtree, and the copies of them its members carry. */
    public Uni<Void> rebase(TreePath from, TreePath to) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update organization set path = ?1 || substr(path, ?2) where path >= ?3 and path < ?4")
                        .setParameter(1, to.value())
                        .setParameter(2, from.value().length() + 1)
                        .setParameter(3, from.value())
                        .setParameter(4, from.subtreeUpperBound())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(
                                        "update member set home_path = ?1 || substr(home_path, ?2) "
                                                + "where home_path >= ?3 and home_path < ?4")
                                .setParameter(1, to.value())
                                .setParameter(2, from.value().length() + 1)
                                .setParameter(3, from.value())
                                .setParameter(4, from.subtreeUpperBound())
                                .executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Long> activeChildren(UUID organizationId) {
        return OrganizationEntity.count("parentId = ?1 and dissolvedOn is null", organizationId);
    }

    public Uni<Long> activeMembersAt(UUID organizationId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from member where home_organization_id = ?1 and left_on is null",
                        Long.class)
                .setParameter(1, organizationId)
                .getSingleResult());
    }

    /**
     * Active members whose home lies anywhere in the subtree: [full, probationary]. Sums the
     * per-organization counts that triggers keep with every member change (V21), so a district
     * costs its few thousand organizations, not its hundreds of thousands of members.
     */
    public Uni<long[]> activeMembersIn(TreePath subtree) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select coalesce(sum(full_members), 0), coalesce(sum(probationary), 0) "
                        + "from member_count where path >= ?1 and path < ?2", Object[].class)
                .setParameter(1, subtree.value())
                .setParameter(2, subtree.subtreeUpperBound())
                .getSingleResult()
                .map(row -> new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()}));
    }

    /** One row of a size report: an organization and the active members of its subtree. */
    public record SizeRow(UUID id, String name, String kind, String path, long full, long probationary) {
    }

    /**
     * The active organizations of a subtree (its root included) from {@code afterPath} on, in path
     * order, each with the member counts of its own subtree.
     */
    public Uni<List<SizeRow>> sizesIn(TreePath subtree, String afterPath, int limit) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select o.id, o.name, o.kind, o.path, "
                        + "count(m.id) filter (where m.status = 'FULL'), "
                        + "count(m.id) filter (where m.status = 'PROBATIONARY') "
                        + "from organization o left join member m on m.left_on is null "
                        + "and m.home_path >= o.path and m.home_path < left(o.path, -1) || '0' "
                        + "where o.path >= ?1 and o.path < ?2 and o.path > ?3 and o.dissolved_on is null "
                        + "group by o.id order by o.path limit ?4", Object[].class)
                .setParameter(1, subtree.value())
                .setParameter(2, subtree.subtreeUpperBound())
                .setParameter(3, afterPath)
                .setParameter(4, limit)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new SizeRow(UUID.fromString(r[0].toString()), (String) r[1], (String) r[2],
                        (String) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList()));
    }
}
