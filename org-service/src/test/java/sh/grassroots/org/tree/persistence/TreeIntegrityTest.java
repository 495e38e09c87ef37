package sh.grassroots.org.tree.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.generalBranch;
import static sh.grassroots.org.tree.api.TreeApi.move;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/** The stored paths stay true to the parent links, whatever runs at the same time. */
@QuarkusTest
class TreeIntegrityTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void branches_created_while_their_general_branch_moves_back_and_forth_get_the_right_path() throws Exception {
        String first = committee(unique("哔哩哔哩党委"));
        String second = committee(unique("哔哩哔哩第二党委"));
        String general = generalBranch(unique("技术党总支"), first);
        String seeded = branch(unique("种子党支部"), general);
        aFullMemberOf(seeded);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> created = new ArrayList<>();
        try {
            Callable<Void> mover = () -> {
                for (int i = 0; i < 10; i++) {
                    move(general, i % 2 == 0 ? second : first).statusCode(200);
                }
                return null;
            };
            Callable<Void> creator = () -> {
                for (int i = 0; i < 10; i++) {
                    String branch = branch(unique("党支部" + i), general);
                    synchronized (created) {
                        created.add(branch);
                    }
                    aFullMemberOf(branch);
                }
                return null;
            };
            List<Future<Void>> runs = pool.invokeAll(List.of(mover, creator));
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(10, created.size());
        assertEquals(0, count("select count(*) from organization c left join organization p on p.id = c.parent_id "
                + "where c.path <> coalesce(p.path, '/') || c.id || '/'"), "organizations whose path disagrees with their parent");
        assertEquals(0, count("select count(*) from member m join organization o on o.id = m.home_organization_id "
                + "where m.home_path <> o.path"), "members whose path copy disagrees with their home");
    }

    @Test
    void the_database_itself_refuses_a_second_open_transfer_of_a_member() throws Exception {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        String member = aFullMemberOf(from);
        insertTransfer(member, from, to, "REQUESTED");
        insertTransfer(member, from, to, "COMPLETED");
        SQLException second = assertThrows(SQLException.class, () -> insertTransfer(member, from, to, "ACCEPTED"));
        assertTrue(second.getMessage().contains("transfer_one_open_per_member"), second.getMessage());
    }

    @Test
    void a_path_that_does_not_end_with_the_organizations_own_id_is_refused() throws Exception {
        String committee = committee(unique("党委"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException wrong = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update organization set path = '/" + UUID.randomUUID() + "/' where id = '" + committee + "'"));
            assertTrue(wrong.getMessage().contains("organization_path_ends_with_id"), wrong.getMessage());
        }
    }

    private void insertTransfer(String member, String from, String to, String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into transfer (id, member_id, from_organization_id, "
                     + "to_organization_id, status, requested_at, from_district_code, to_district_code) "
                     + "values (?, ?::uuid, ?::uuid, ?::uuid, ?, ?, '310110', '310110')")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, member);
            s.setString(3, from);
            s.setString(4, to);
            s.setString(5, status);
            s.setObject(6, OffsetDateTime.now());
            s.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
