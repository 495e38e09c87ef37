package sh.grassroots.platform.persistence;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataProtectorTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-thirty-two-byte-key-here".getBytes());
    private final PersonalDataProtector protector = new PersonalDataProtector(KEY);

    @Test
    void what_is_encrypted_decrypts_to_the_same_value_and_hides_it() {
        String sealed = protector.encrypt("11010519491231002X");
        assertFalse(sealed.contains("11010519491231002X"));
        assertEquals("11010519491231002X", protector.decrypt(sealed));
        assertEquals("陈阿姨", protector.decrypt(protector.encrypt("陈阿姨")));
    }

    @Test
    void the_same_value_encrypts_differently_each_time() {
        assertNotEquals(protector.encrypt("13812345678"), protector.encrypt("13812345678"));
    }

    @Test
    void an_altered_ciphertext_is_refused() {
        String sealed = protector.encrypt("13812345678");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThrows(IllegalStateException.class, () -> protector.decrypt(altered));
        assertThrows(IllegalStateException.class, () -> protector.decrypt("v1:AAAA"));
    }

    @Test
    void a_value_stored_before_encryption_is_told_apart_by_its_missing_marker() {
        assertTrue(PersonalDataProtector.isSealed(protector.encrypt("13812345678")));
        assertFalse(PersonalDataProtector.isSealed("13812345678"));
        assertFalse(PersonalDataProtector.isSealed(null));
        assertThrows(IllegalArgumentException.class, () -> protector.decrypt("13812345678"));
    }

    @Test
    void the_blind_index_is_stable_and_depends_on_the_key() {
        assertEquals(protector.blindIndex("11010519491231002X"), protector.blindIndex("11010519491231002X"));
        assertNotEquals(protector.blindIndex("11010519491231002X"), new PersonalDataProtector(OTHER_KEY).blindIndex("11010519491231002X"));
        assertThrows(IllegalStateException.class, () -> new PersonalDataProtector(OTHER_KEY).decrypt(protector.encrypt("x")));
    }

    @Test
    void a_missing_malformed_or_wrongly_sized_key_stops_the_service_from_starting() {
        assertThrows(IllegalStateException.class,
                () -> new PersonalDataProtector(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> new PersonalDataProtector(""));
        assertThrows(IllegalStateException.class, () -> new PersonalDataProtector("not base64 at all!"));
    }
}
