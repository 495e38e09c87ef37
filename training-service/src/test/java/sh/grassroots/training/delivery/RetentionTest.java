package sh.grassroots.training.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.outbox.Retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pruning deletes what is past its retention and nothing that may still be needed. */
@QuarkusTest
class RetentionTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Retention retention;

    @Test
    void published_rows_and_inbox_rows_past_their_retention_go_unpublished_parked_and_recent_ones_stay() throws Exception {
        String topic = "retention-test-" + UUID.randomUUID();
        UUID oldPublished = outbox(topic, "now() - interval '8 days'", null);
        UUID recentPublished = outbox(topic, "now() - interval '6 days'", null);
        UUID oldUnpublished = outbox(topic, null, null);
        UUID oldParked = outbox(topic, null, "now() - interval '40 days'");
        UUID oldInbox = inbox("now() - interval '31 days'");
        UUID recentInbox = inbox("now() - interval '29 days'");

        retention.pruneNow();

        assertEquals(0, count("outbox_event", "event_id", oldPublished));
        assertEquals(1, count("outbox_event", "event_id", recentPublished));
        assertEquals(1, count("outbox_event", "event_id", oldUnpublished));
        assertEquals(1, count("outbox_event", "event_id", oldParked));
        assertEquals(0, count("processed_event", "event_id", oldInbox));
        assertEquals(1, count("processed_event", "event_id", recentInbox));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from outbox_event where topic = ?")) {
            s.setString(1, topic);
            s.executeUpdate();
        }
    }

    private UUID outbox(String topic, String publishedAt, String parkedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into outbox_event "
                     + "(event_id, topic, message_key, event_type, envelope, created_at, published_at, parked_at) "
                     + "values (?, ?, 'k', 'RetentionTest', '{}', now() - interval '50 days', "
                     + (publishedAt == null ? "null" : publishedAt) + ", " + (parkedAt == null ? "null" : parkedAt) + ")")) {
            s.setObject(1, id);
            s.setString(2, topic);
            s.executeUpdate();
        }
        return id;
    }

    private UUID inbox(String processedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into processed_event (consumer, event_id, processed_at) values ('retention-test', ?, " + processedAt + ")")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        return id;
    }

    private int count(String table, String column, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
