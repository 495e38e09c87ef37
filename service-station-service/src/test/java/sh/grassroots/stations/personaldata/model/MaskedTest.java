package sh.grassroots.stations.personaldata.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MaskedTest {

    @Test
    void a_mobile_number_keeps_its_first_three_and_last_four_digits() {
        assertEquals("138****8000", Masked.phone("13800138000"));
    }

    @Test
    void a_number_too_short_to_mask_in_part_is_masked_whole() {
        assertEquals("*****", Masked.phone("12345"));
    }

    @Test
    void a_name_keeps_its_first_character_and_stars_for_the_rest() {
        assertEquals("陈**", Masked.name("陈阿姨"));
        assertEquals("陈*", Masked.name("陈"));
        assertEquals("王*", Masked.name(" 王女 "));
        assertEquals("𠀋*", Masked.name("𠀋家"));
    }

    @Test
    void nothing_stays_nothing() {
        assertNull(Masked.phone(null));
        assertNull(Masked.name(null));
    }
}
