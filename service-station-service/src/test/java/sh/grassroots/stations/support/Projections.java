package sh.grassroots.stations.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What stations has heard from org-service, set up directly in its projections for tests about
 * something else (the consumers themselves are tested through Kafka: OrganizationTreeTest,
 * MemberUnitsTest).
 */
public final class Projections {
    private Projections() {
    }

    /** A top-level organization of {@code district}, known to stations; nothing happens if it is known. */
    public static void knownOrganization(Object id, Object parentId, String district) {
        update("insert into known_organization (id, parent_id, district_code, name, kind, updated_at)"
                        + " values (?::uuid, ?::uuid, ?, '第一党支部', 'BRANCH', now()) on conflict (id) do nothing",
                id.toString(), parentId == null ? null : parentId.toString(), district);
    }

    /** A member unit of a conference hosted by {@code hostDistrict}, known to stations. */
    public static void knownMemberUnit(Object unitId, String hostDistrict) {
        update("insert into member_unit (unit_id, conference_id, host_district, name, updated_at)"
                        + " values (?::uuid, ?::uuid, ?, '太平洋保险', now()) on conflict (unit_id) do nothing",
                unitId.toString(), UUID.randomUUID().toString(), hostDistrict);
    }

    private static void update(String sql, String... params) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
