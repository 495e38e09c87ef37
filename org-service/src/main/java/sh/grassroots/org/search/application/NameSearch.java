package sh.grassroots.org.search.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finding organizations and members by name, for those who manage a part of the tree: only
 * within it (a district admin's district, else the subtree of the caller's organization scope),
 * checked and read in one session. Members who have left are not found. Names are Chinese: the
 * words match any part of the name; by name, then id; keyset pages.
 */
@ApplicationScoped
public class NameSearch {
    private final Access access;

    public NameSearch(Access access) {
        this.access = access;
    }

    public record OrganizationHit(UUID id, String name, String kind, String districtCode, UUID parentId,
                                  LocalDate dissolvedOn) {
    }

    public record MemberHit(UUID id, String name, String status, UUID homeOrganizationId, String homeOrganizationName) {
    }

    @WithSession
    public Uni<Page<OrganizationHit>> organizations(Caller caller, String words, int limit, String cursor) {
        return reach(caller).chain(reach -> {
            List<Object> parameters = new ArrayList<>();
            parameters.add(pattern(words));
            StringBuilder sql = new StringBuilder("select cast(o.id as text), o.name, o.kind, o.district_code,"
                    + " cast(o.parent_id as text), o.dissolved_on from organization o where o.name ilike ?1");
            within(reach, "o.district_code", "o.path", parameters, sql);
            after(cursor, "o.name", "o.id", parameters, sql);
            parameters.add(limit + 1);
            sql.append(" order by o.name, o.id limit ?").append(parameters.size());
            return rows(sql.toString(), parameters);
        }).map(rows -> Page.of(rows, limit, row -> cursor((String) row[1], (String) row[0])).map(row ->
                new OrganizationHit(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                        ((String) row[3]).trim(), row[4] == null ? null : UUID.fromString((String) row[4]),
                        (LocalDate) row[5])));
    }

    @WithSession
    public Uni<Page<MemberHit>> members(Caller caller, String words, int limit, String cursor) {
        return reach(caller).chain(reach -> {
            List<Object> parameters = new ArrayList<>();
            parameters.add(pattern(words));
            StringBuilder sql = new StringBuilder("select cast(m.id as text), m.name, m.status,"
                    + " cast(m.home_organization_id as text), o.name from member m"
                    + " join organization o on o.id = m.home_organization_id"
                    + " where m.left_on is null and m.name ilike ?1");
            String word = words.strip();
            int characters = word.codePointCount(0, word.length());
            if (characters >= 1 && characters <= 2) {
                // too short for a trigram: the member_name_grams index (V34) narrows it instead
                parameters.add(word);
                sql.append(" and name_grams(m.name) @> array[lower(cast(?").append(parameters.size()).append(" as text))]");
            }
            within(reach, "o.district_code", "m.home_path", parameters, sql);
            after(cursor, "m.name", "m.id", parameters, sql);
            parameters.add(limit + 1);
            sql.append(" order by m.name, m.id limit ?").append(parameters.size());
            return rows(sql.toString(), parameters);
        }).map(rows -> Page.of(rows, limit, row -> cursor((String) row[1], (String) row[0])).map(row ->
                new MemberHit(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                        UUID.fromString((String) row[3]), (String) row[4])));
    }

    private Uni<OrgAccessPolicy.SearchReach> reach(Caller caller) {
        return access.scopeOf(caller).map(scope -> {
            Callers.enforce(OrgAccessPolicy.searchNames(scope));
            return OrgAccessPolicy.searchReach(scope).orElseThrow();
        });
    }

    private static void within(OrgAccessPolicy.SearchReach reach, String districtColumn, String pathColumn,
                               List<Object> parameters, StringBuilder sql) {
        if (reach.district() != null) {
            parameters.add(reach.district());
            sql.append(" and ").append(districtColumn).append(" = cast(?").append(parameters.size()).append(" as bpchar)");
        } else {
            TreePath subtree = new TreePath(reach.pathPrefix());
            parameters.add(subtree.value());
            parameters.add(subtree.subtreeUpperBound());
            sql.append(" and ").append(pathColumn).append(" >= ?").append(parameters.size() - 1)
                    .append(" and ").append(pathColumn).append(" < ?").append(parameters.size());
        }
    }

    private static void after(String cursor, String nameColumn, String idColumn, List<Object> parameters,
                              StringBuilder sql) {
        if (cursor == null) {
            return;
        }
        String[] key = Cursors.decode(cursor).split("\\|", 2);
        if (key.length != 2) {
            throw Cursors.invalid();
        }
        UUID id;
        try {
            id = UUID.fromString(key[0]);
        } catch (IllegalArgumentException e) {
            throw Cursors.invalid();
        }
        parameters.add(key[1]);
        parameters.add(id);
        sql.append(" and (").append(nameColumn).append(", ").append(idColumn).append(") > (?")
                .append(parameters.size() - 1).append(", ?").append(parameters.size()).append(")");
    }

    private static String cursor(String name, String id) {
        return Cursors.encode(id + "|" + name);
    }

    /** The words as a LIKE pattern that matches them literally anywhere in the name. */
    static String pattern(String words) {
        return "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Uni<List<Object[]>> rows(String sql, List<Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.<Object[]>createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getResultList();
        });
    }
}
