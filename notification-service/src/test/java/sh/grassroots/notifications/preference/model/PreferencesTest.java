package sh.grassroots.notifications.preference.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.notifications.inbox.model.Kind;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreferencesTest {
    private static final Optional<EmailAddress> MAIL = Optional.of(new EmailAddress("zhang.wei@example.com"));

    @Test
    void without_a_choice_only_a_held_seat_is_emailed_and_only_when_an_address_is_known() {
        assertEquals(Set.of(Channel.EMAIL), new Preferences(MAIL, Map.of()).outbound(Kind.SEAT_HELD));
        assertEquals(Set.of(), new Preferences(MAIL, Map.of()).outbound(Kind.BOOKING_CONFIRMED));
        assertEquals(Set.of(), Preferences.none().outbound(Kind.SEAT_HELD));
    }

    @Test
    void a_person_may_turn_the_held_seat_email_off_and_others_on() {
        Preferences chosen = new Preferences(MAIL, Map.of(Kind.SEAT_HELD, Set.of(Channel.IN_APP),
                Kind.BOOKING_REJECTED, Set.of(Channel.EMAIL)));
        assertEquals(Set.of(), chosen.outbound(Kind.SEAT_HELD));
        assertEquals(Set.of(Channel.EMAIL), chosen.outbound(Kind.BOOKING_REJECTED));
    }

    @Test
    void the_inbox_always_gets_every_kind() {
        Preferences chosen = new Preferences(MAIL, Map.of(Kind.SEAT_HELD, Set.of()));
        assertEquals(Set.of(Channel.IN_APP), chosen.channels().get(Kind.SEAT_HELD));
    }

    @Test
    void email_chosen_without_an_address_is_named() {
        assertEquals(Optional.of("BOOKING_REJECTED"),
                Preferences.emailNeededFor(Optional.empty(), Map.of(Kind.BOOKING_REJECTED, Set.of(Channel.EMAIL))));
        assertEquals(Optional.empty(), Preferences.emailNeededFor(MAIL, Map.of(Kind.BOOKING_REJECTED, Set.of(Channel.EMAIL))));
    }

    @Test
    void an_address_is_answered_masked() {
        assertEquals("z***@example.com", new EmailAddress("zhang.wei@example.com").masked());
    }

    @Test
    void what_is_not_an_address_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("zhang wei@example"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a\u0000b@example.com"));
        assertEquals(Optional.empty(), EmailAddress.parse("@example.com"));
    }
}
