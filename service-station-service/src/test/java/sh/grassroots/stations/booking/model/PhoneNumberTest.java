package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberTest {
    @Test
    void a_walk_in_phone_number_is_shown_masked() {
        assertEquals("138****5678", PhoneNumber.parse("+86 138-1234-5678").orElseThrow().masked());
        assertEquals("138****5678", PhoneNumber.parse("13812345678").orElseThrow().toString());
    }

    @Test
    void something_that_is_not_a_mainland_mobile_number_is_refused() {
        assertTrue(PhoneNumber.parse("12345").isEmpty());
        assertTrue(PhoneNumber.parse("021-63211234").isEmpty());
        assertTrue(PhoneNumber.parse(null).isEmpty());
    }
}
