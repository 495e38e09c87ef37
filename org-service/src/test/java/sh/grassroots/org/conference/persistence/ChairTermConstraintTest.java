package sh.grassroots.org.conference.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The database itself refuses overlapping chair terms, whatever the application checks. */
@QuarkusTest
class ChairTermConstraintTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void postgres_refuses_a_second_term_sharing_a_day_with_the_first_but_not_one_in_another_conference() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            UUID conference = conference(c);
            UUID other = conference(c);
            UUID unit = unit(c, conference);
            UUID otherUnit = unit(c, other);
            insertTerm(c, conference, unit, "2026-01-01", "2026-06-30");
            insertTerm(c, conference, unit, "2026-07-01", "2026-12-31");
            insertTerm(c, other, otherUnit, "2026-03-01", "2026-03-31");
            SQLException refused = assertThrows(SQLException.class,
                    () -> insertTerm(c, conference, unit, "2026-06-30", "2026-07-15"));
            assertEquals("23P01", refused.getSQLState(), refused.getMessage());
            SQLException backwards = assertThrows(SQLException.class,
                    () -> insertTerm(c, conference, unit, "2027-02-01", "2027-01-01"));
            assertEquals("23514", backwards.getSQLState(), backwards.getMessage());
        }
    }

    private static UUID conference(Connection c) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement(
                "insert into conference (id, name, host_district, founded_on, created_at) values (?, ?, '310101', ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, "联席会议 " + id);
            s.setObject(3, LocalDate.of(2018, 12, 1));
            s.setObject(4, OffsetDateTime.now());
            s.executeUpdate();
        }
        return id;
    }

    private static UUID unit(Connection c, UUID conference) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("insert into conference_unit (id, conference_id, name, sector, joined_on)"
                + " values (?, ?, '上海清算所', 'CENTRAL_SOE', ?)")) {
            s.setObject(1, id);
            s.setObject(2, conference);
            s.setObject(3, LocalDate.of(2018, 12, 1));
            s.executeUpdate();
        }
        return id;
    }

    private static void insertTerm(Connection c, UUID conference, UUID unit, String from, String until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into conference_chair_term"
                + " (id, conference_id, unit_id, starts_on, ends_on, created_at) values (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, conference);
            s.setObject(3, unit);
            s.setObject(4, LocalDate.parse(from));
            s.setObject(5, LocalDate.parse(until));
            s.setObject(6, OffsetDateTime.now());
            s.executeUpdate();
        }
    }
}
