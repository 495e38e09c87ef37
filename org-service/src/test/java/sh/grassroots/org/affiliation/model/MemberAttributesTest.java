package sh.grassroots.org.affiliation.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberAttributesTest {
    @Test
    void names_the_criteria_language_can_use_are_accepted() {
        assertTrue(MemberAttributes.check(Map.of("city", "上海", "mainWork", "视频创作", "followers", "120000",
                "城市", "上海", "bili.uid", "42")).isEmpty());
    }

    @Test
    void names_the_language_cannot_say_and_blank_values_are_named() {
        List<MemberAttributes.Invalid> invalid = MemberAttributes.check(new java.util.TreeMap<>(Map.of(
                "1st", "x", "and", "x", "main work", "x", "city", " ")));
        assertEquals(List.of("attributes.1st", "attributes.and", "attributes.city", "attributes.main work"),
                invalid.stream().map(MemberAttributes.Invalid::key).toList());
    }

    @Test
    void at_most_fifty_attributes() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("a" + i, "v");
        }
        assertEquals("attributes", MemberAttributes.check(many).get(0).key());
    }
}
