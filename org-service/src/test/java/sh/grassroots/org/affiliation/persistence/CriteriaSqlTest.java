package sh.grassroots.org.affiliation.persistence;

import org.junit.jupiter.api.Test;
import sh.grassroots.org.affiliation.model.Criteria;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CriteriaSqlTest {
    static CriteriaSql.Fragment sql(String source, int first) {
        return CriteriaSql.of(((Criteria.Valid) Criteria.parse(source)).criteria(), first);
    }

    @Test
    void literals_become_numbered_parameters_from_the_first_index_given() {
        var fragment = sql("city = \"上海\" and followers >= 10000", 6);
        assertEquals(List.of("city", "上海", "followers", new BigDecimal("10000")), fragment.parameters());
        assertTrue(fragment.sql().contains("a.key = ?6 and a.value = ?7"), fragment.sql());
        assertTrue(fragment.sql().contains(">= ?9"), fragment.sql());
        assertFalse(fragment.sql().contains("上海"));
    }

    @Test
    void no_bare_question_mark_or_double_colon_reaches_hibernate() {
        String text = sql("a != 'x' or b < 1.5 or c in (1, 'y')", 1).sql().replaceAll("\\?[0-9]+", "");
        assertFalse(text.contains("?"), text);
        assertFalse(text.contains("::"), text);
    }

    @Test
    void an_ordering_comparison_with_text_that_is_no_number_matches_nothing() {
        var fragment = sql("a > 'abc' and b = 1", 1);
        assertTrue(fragment.sql().startsWith("(false and exists"), fragment.sql());
        assertEquals(List.of("b", new BigDecimal("1")), fragment.parameters());
        assertTrue(fragment.sql().contains("a.key = ?1"), fragment.sql());
    }
}
