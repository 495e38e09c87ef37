package sh.grassroots.org.affiliation.model;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CriteriaTest {
    static final String UP_ZHU = "city = \"上海\" and mainWork = \"视频创作\" and followers >= 10000";

    static Criteria valid(String source) {
        Criteria.Parsed parsed = Criteria.parse(source);
        return assertInstanceOf(Criteria.Valid.class, parsed, () -> source + " -> " + parsed).criteria();
    }

    static Criteria.Malformed malformed(String source) {
        return assertInstanceOf(Criteria.Malformed.class, Criteria.parse(source), source);
    }

    @Nested
    class Matching {
        @Test
        void a_shanghai_video_creator_with_many_followers_meets_the_up_zhu_criteria() {
            assertTrue(valid(UP_ZHU).matches(Map.of("city", "上海", "mainWork", "视频创作", "followers", "250000")));
        }

        @Test
        void too_few_followers_or_another_city_or_main_work_does_not() {
            Criteria c = valid(UP_ZHU);
            assertFalse(c.matches(Map.of("city", "上海", "mainWork", "视频创作", "followers", "9999")));
            assertFalse(c.matches(Map.of("city", "北京", "mainWork", "视频创作", "followers", "250000")));
            assertFalse(c.matches(Map.of("city", "上海", "mainWork", "直播", "followers", "250000")));
        }

        @Test
        void the_boundary_of_an_ordering_comparison_is_numeric_not_textual() {
            Criteria c = valid("followers >= 10000");
            assertTrue(c.matches(Map.of("followers", "10000")));
            assertTrue(c.matches(Map.of("followers", "10000.0")));
            // "9" > "10000" as text; as numbers it is not
            assertFalse(c.matches(Map.of("followers", "9")));
        }

        @Test
        void a_missing_attribute_matches_nothing_not_even_not_equal() {
            assertFalse(valid("city = \"上海\"").matches(Map.of()));
            assertFalse(valid("city != \"上海\"").matches(Map.of()));
            assertFalse(valid("followers < 5").matches(Map.of()));
            assertTrue(valid("city != \"上海\"").matches(Map.of("city", "北京")));
        }

        @Test
        void a_value_that_is_not_a_number_matches_no_numeric_comparison() {
            assertFalse(valid("followers > 1").matches(Map.of("followers", "很多")));
            assertFalse(valid("followers = 1").matches(Map.of("followers", "1万")));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "age > 30 | 31 | true", "age > 30 | 30 | false",
                "age < 30 | 29 | true", "age < 30 | 30 | false",
                "age <= 30 | 30 | true", "age >= 30 | 29 | false",
                "age = 30 | 30.00 | true", "age != 30 | 30 | false",
                "age != 30 | 31 | true", "age > -1.5 | -1 | true"})
        void every_operator_compares_numbers(String source, String value, boolean expected) {
            assertEquals(expected, valid(source).matches(Map.of("age", value)));
        }

        @Test
        void in_matches_any_of_its_literals() {
            Criteria c = valid("district in (\"杨浦\", \"黄浦\", 310110)");
            assertTrue(c.matches(Map.of("district", "黄浦")));
            assertTrue(c.matches(Map.of("district", "310110")));
            assertFalse(c.matches(Map.of("district", "崇明")));
        }

        @Test
        void and_binds_tighter_than_or_and_parentheses_override_it() {
            Map<String, String> beijingCreator = Map.of("city", "北京", "mainWork", "视频创作");
            assertTrue(valid("city = \"上海\" and mainWork = \"直播\" or mainWork = \"视频创作\"").matches(beijingCreator));
            assertFalse(valid("city = \"上海\" and (mainWork = \"直播\" or mainWork = \"视频创作\")").matches(beijingCreator));
        }

        @Test
        void keywords_are_case_insensitive_and_strings_take_either_quote_and_escapes() {
            Criteria c = valid("city = '上海' AND name = \"say \\\"hi\\\"\" Or x IN (1)");
            assertTrue(c.matches(Map.of("city", "上海", "name", "say \"hi\"")));
            assertTrue(c.matches(Map.of("x", "1")));
        }

        @Test
        void attribute_names_may_be_chinese_and_may_start_like_a_keyword() {
            assertTrue(valid("城市 = \"上海\" and income >= 1 and order_no = 2 and android.ver = 3")
                    .matches(Map.of("城市", "上海", "income", "2", "order_no", "2", "android.ver", "3")));
        }

        @Test
        void the_normalised_text_parses_back_to_the_same_criteria() {
            for (String source : new String[]{UP_ZHU, "a = 1 or (b = 'x' and c in ('p', \"q\")) and d != -2.5",
                    "(a = 1 or b = 2) and c = 3", "s = \"back\\\\slash \\\"quote\\\"\""}) {
                Criteria once = valid(source);
                assertEquals(once, valid(once.text()), source);
            }
        }
    }

    @Nested
    class Malformed {
        @Test
        void an_empty_expression_expects_an_attribute_at_position_one() {
            Criteria.Malformed m = malformed("   ");
            assertEquals(4, m.position());
            assertEquals("an attribute name or '('", m.expected());
            assertEquals("end of input", m.found());
        }

        @Test
        void a_missing_operator_is_named_with_its_position() {
            Criteria.Malformed m = malformed("city \"上海\"");
            assertEquals(6, m.position());
            assertTrue(m.expected().contains("operator"), m.expected());
            assertEquals("'\"上海\"'", m.found());
        }

        @Test
        void a_missing_literal_after_an_operator() {
            Criteria.Malformed m = malformed("followers >= ");
            assertEquals(14, m.position());
            assertEquals("a string in quotes or a number", m.expected());
        }

        @Test
        void a_bare_word_is_not_a_literal() {
            Criteria.Malformed m = malformed("city = 上海");
            assertEquals(8, m.position());
            assertEquals("a string in quotes or a number", m.expected());
        }

        @Test
        void an_unclosed_string_points_at_its_opening_quote() {
            Criteria.Malformed m = malformed("city = \"上海 and x = 1");
            assertEquals(8, m.position());
            assertTrue(m.expected().contains("closing"), m.expected());
        }

        @Test
        void an_unclosed_parenthesis() {
            Criteria.Malformed m = malformed("(a = 1 or b = 2");
            assertEquals(16, m.position());
            assertEquals("')'", m.expected());
        }

        @Test
        void a_dangling_and() {
            Criteria.Malformed m = malformed("a = 1 and");
            assertEquals(10, m.position());
            assertEquals("an attribute name or '('", m.expected());
        }

        @Test
        void a_keyword_is_not_an_attribute() {
            assertEquals(11, malformed("a = 1 and or = 2").position());
        }

        @Test
        void trailing_text_after_a_complete_expression() {
            Criteria.Malformed m = malformed("a = 1 b = 2");
            assertEquals(7, m.position());
            assertEquals("'and', 'or' or the end of the expression", m.expected());
            assertEquals("'b'", m.found());
        }

        @Test
        void in_needs_a_parenthesised_list() {
            assertEquals("'(' after 'in'", malformed("a in 1, 2").expected());
            assertEquals("',' or ')'", malformed("a in (1 2)").expected());
            assertEquals("a string in quotes or a number", malformed("a in ()").expected());
        }

        @Test
        void malformed_numbers() {
            assertEquals("a digit after '.'", malformed("a = 1.").expected());
            assertEquals("a digit", malformed("a = -x").expected());
            assertTrue(malformed("a = 10k").expected().contains("after the number"));
        }

        @Test
        void an_unknown_operator() {
            Criteria.Malformed m = malformed("a == 1");
            assertEquals(4, m.position());
            assertEquals("a string in quotes or a number", m.expected());
            assertTrue(malformed("a <> 1").expected().contains("number"));
            assertEquals(3, malformed("a ~ 1").position());
        }

        @Test
        void the_message_names_position_expected_and_found() {
            assertEquals("At position 6: expected an operator (=, !=, >=, <=, >, <) or 'in' but found '1'",
                    malformed("city 1").message());
        }

        @Test
        void absurdly_deep_nesting_and_length_are_refused_not_overflowed() {
            assertTrue(malformed("(".repeat(500) + "a = 1" + ")".repeat(500)).expected().contains("levels"));
            assertTrue(malformed("a = 1" + " or a = 1".repeat(400)).expected().contains("characters"));
            assertTrue(Criteria.parse(null) instanceof Criteria.Malformed);
        }
    }
}
