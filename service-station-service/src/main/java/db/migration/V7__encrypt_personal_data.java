package db.migration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import sh.grassroots.platform.persistence.PersonalDataProtector;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Encrypts the personal data stored in the clear before issue 13: bookers' phones and mediation
 * families' names and phones. SQL cannot do it (the key is the application's, never the
 * database's), so this migration runs in Java with the key the service runs with, in Flyway's
 * transaction: the schema version moves to 7 only when every row is sealed. Values already sealed
 * (their {@code v1:} marker) are left alone, so a rerun changes nothing.
 */
public class V7__encrypt_personal_data extends BaseJavaMigration {
    static final String KEY_PROPERTY = "stations.personal-data.key";

    @Override
    public void migrate(Context context) throws Exception {
        PersonalDataProtector protector = new PersonalDataProtector(
                ConfigProvider.getConfig().getValue(KEY_PROPERTY, String.class));
        sealStoredPersonalData(context.getConnection(), protector);
    }

    /** @return how many rows were changed */
    public static int sealStoredPersonalData(Connection connection, PersonalDataProtector protector) throws SQLException {
        return sealBookerPhones(connection, protector) + sealFamilies(connection, protector);
    }

    private static int sealBookerPhones(Connection connection, PersonalDataProtector protector) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, booker_phone from booking where booker_phone is not null and booker_phone not like 'v1:%'");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2)});
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update booking set booker_phone = ? where id = ?")) {
            for (Object[] row : rows) {
                update.setString(1, protector.encrypt((String) row[1]));
                update.setObject(2, row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
        return rows.size();
    }

    private static int sealFamilies(Connection connection, PersonalDataProtector protector) throws SQLException {
        record Family(UUID bookingId, String[] names, String phone) {
        }
        List<Family> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select booking_id, family_names, family_phone from mediation"
                        + " where (family_phone is not null and family_phone not like 'v1:%')"
                        + " or exists (select 1 from unnest(family_names) n where n not like 'v1:%')");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Array names = rs.getArray(2);
                rows.add(new Family(rs.getObject(1, UUID.class), (String[]) names.getArray(), rs.getString(3)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update mediation set family_names = ?, family_phone = ? where booking_id = ?")) {
            for (Family row : rows) {
                String[] sealed = new String[row.names().length];
                for (int i = 0; i < sealed.length; i++) {
                    sealed[i] = seal(row.names()[i], protector);
                }
                update.setArray(1, connection.createArrayOf("text", sealed));
                update.setString(2, row.phone() == null ? null : seal(row.phone(), protector));
                update.setObject(3, row.bookingId());
                update.addBatch();
            }
            update.executeBatch();
        }
        return rows.size();
    }

    private static String seal(String value, PersonalDataProtector protector) {
        return PersonalDataProtector.isSealed(value) ? value : protector.encrypt(value);
    }
}
