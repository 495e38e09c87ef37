package sh.grassroots.org.affiliation.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.branch.api.BranchApi.YANGPU;
import static sh.grassroots.org.branch.api.BranchApi.branch;
import static sh.grassroots.org.branch.api.BranchApi.committee;
import static sh.grassroots.org.branch.api.BranchApi.fullMember;
import static sh.grassroots.org.branch.api.BranchApi.functional;

/** The database keeps the affiliation invariants even against writes that bypass the rules. */
@QuarkusTest
class AffiliationIntegrityTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void one_active_affiliation_per_member_and_branch() throws Exception {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String upZhu = functional(YANGPU, bilibili, "a = 1");
        String member = fullMember(YANGPU, branch(YANGPU, "第一党支部", bilibili, null));
        insert(member, upZhu, "FUNCTIONAL");
        SQLException twice = assertThrows(SQLException.class, () -> insert(member, upZhu, "FUNCTIONAL"));
        assertTrue(twice.getMessage().contains("affiliation_one_active_per_member_and_branch"), twice.getMessage());
    }

    @Test
    void no_affiliation_to_ones_own_home_or_to_a_branch_that_takes_none() throws Exception {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String upZhu = functional(YANGPU, bilibili, "a = 1");
        String atHome = fullMember(YANGPU, upZhu);
        assertTrue(assertThrows(SQLException.class, () -> insert(atHome, upZhu, "FUNCTIONAL"))
                .getMessage().contains("affiliation_to_own_home"));
        String ordinary = branch(YANGPU, "第一党支部", bilibili, null);
        String member = fullMember(YANGPU, ordinary);
        assertTrue(assertThrows(SQLException.class, () -> insert(member, ordinary, "FUNCTIONAL"))
                .getMessage().contains("affiliation_branch_kind"));
    }

    @Test
    void a_branch_with_active_affiliations_cannot_be_marked_dissolved_nor_a_member_marked_left() throws Exception {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String upZhu = functional(YANGPU, bilibili, "a = 1");
        String member = fullMember(YANGPU, branch(YANGPU, "第一党支部", bilibili, null));
        insert(member, upZhu, "FUNCTIONAL");
        assertTrue(assertThrows(SQLException.class,
                () -> update("update organization set dissolved_on = current_date where id = ?::uuid", upZhu))
                .getMessage().contains("affiliation_to_dissolved_branch"));
        assertTrue(assertThrows(SQLException.class,
                () -> update("update member set left_on = current_date, leave_reason = 'WITHDREW' where id = ?::uuid", member))
                .getMessage().contains("affiliation_of_former_member"));

        update("update affiliation set ended_on = current_date, end_reason = 'BRANCH_DISSOLVED' where organization_id = ?::uuid", upZhu);
        assertEquals(1, update("update organization set dissolved_on = current_date where id = ?::uuid", upZhu));
        assertTrue(assertThrows(SQLException.class, () -> insert(member, upZhu, "FUNCTIONAL"))
                .getMessage().contains("affiliation_to_dissolved_branch"));
    }

    private void insert(String member, String organization, String kind) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into affiliation (id, member_id, organization_id, kind, since, created_at) "
                        + "values (?::uuid, ?::uuid, ?::uuid, ?, current_date, now())")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, member);
            s.setString(3, organization);
            s.setString(4, kind);
            s.executeUpdate();
        }
    }

    private int update(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            return s.executeUpdate();
        }
    }
}
