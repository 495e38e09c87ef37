package sh.grassroots.org.member.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdNumberTest {

    @Test
    void a_number_with_the_right_check_character_is_valid() {
        // The standard's own example: 11010519491231002X
        assertTrue(IdNumber.isValid("11010519491231002X"));
        assertTrue(IdNumber.isValid("11010519491231002x"));
    }

    @Test
    void a_wrong_check_character_is_caught() {
        assertFalse(IdNumber.isValid("110105194912310021"));
    }

    @Test
    void an_impossible_birth_date_is_caught_even_with_a_matching_check_character() {
        String first17 = "31011019990231123";
        assertFalse(IdNumber.isValid(first17 + IdNumber.checkCharacter(first17)));
    }

    @Test
    void wrong_lengths_and_letters_are_invalid() {
        assertFalse(IdNumber.isValid("1101051949123100"));
        assertFalse(IdNumber.isValid("1101051949123100XX"));
        assertFalse(IdNumber.isValid(null));
    }

    @Test
    void the_masked_form_keeps_three_leading_and_four_trailing_characters() {
        IdNumber id = IdNumber.parse("11010519491231002x");
        assertEquals("110***********002X", id.masked());
        assertEquals(id.masked(), id.toString());
    }

    @Test
    void generated_test_numbers_are_valid() {
        for (int i = 0; i < 100; i++) {
            assertTrue(IdNumber.isValid(IdNumbers.aValidIdNumber()));
        }
    }

    @Test
    void a_phone_is_masked_in_the_middle() {
        assertEquals("138****5678", new PhoneNumber("13812345678").masked());
        assertFalse(PhoneNumber.isValid("12812345678"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("021-63210000"));
    }
}
