package sh.grassroots.notifications.preference.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's preferences: the address is kept encrypted and answered masked, e-mail without an
 * address is refused with the rule's slug, what is not a kind or a channel is a 400 naming it.
 */
@QuarkusTest
class PreferencesApiTest {
    static final String PREFERENCES = "/api/v1/me/notification-preferences";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void without_a_choice_only_the_held_seat_would_be_emailed_and_there_is_no_address() {
        AsCaller.member(UUID.randomUUID()).get(PREFERENCES).then().statusCode(200)
                .body("email", nullValue())
                .body("channels.SEAT_HELD", contains("IN_APP", "EMAIL"))
                .body("channels.BOOKING_CONFIRMED", contains("IN_APP"));
    }

    @Test
    void the_address_is_stored_encrypted_and_answered_masked() throws Exception {
        UUID member = UUID.randomUUID();
        String address = "wang.xiaoming." + member + "@example.com";
        AsCaller.member(member).contentType(ContentType.JSON).body("{\"email\":\"" + address + "\"}")
                .put(PREFERENCES).then().statusCode(200).body("email", equalTo("w***@example.com"));
        AsCaller.member(member).get(PREFERENCES).then().statusCode(200).body("email", equalTo("w***@example.com"));
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select email_sealed from notification_preference where person_id = ?")) {
            query.setString(1, member.toString());
            var row = query.executeQuery();
            assertTrue(row.next());
            assertFalse(row.getString(1).contains("wang.xiaoming"), "the address is in clear in the database");
        }
        // left out, it is kept; empty, it is removed
        AsCaller.member(member).contentType(ContentType.JSON).body("{\"channels\":{\"BOOKING_REJECTED\":[\"EMAIL\"]}}")
                .put(PREFERENCES).then().statusCode(200).body("email", equalTo("w***@example.com"))
                .body("channels.BOOKING_REJECTED", contains("IN_APP", "EMAIL"));
        AsCaller.member(member).contentType(ContentType.JSON).body("{\"email\":\"\",\"channels\":{}}")
                .put(PREFERENCES).then().statusCode(200).body("email", nullValue());
    }

    @Test
    void email_chosen_without_an_address_is_refused() {
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON).body("{\"channels\":{\"BOOKING_REJECTED\":[\"EMAIL\"]}}")
                .put(PREFERENCES).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:preference-email-missing"));
    }

    @Test
    void what_is_not_a_kind_a_channel_or_an_address_is_named() {
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"email\":\"not an address\",\"channels\":{\"PIGEON_POST\":[\"IN_APP\"],\"SEAT_HELD\":[\"SMS\"]}}")
                .put(PREFERENCES).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "channels.PIGEON_POST",
                        "channels.SEAT_HELD[0]"));
    }
}
