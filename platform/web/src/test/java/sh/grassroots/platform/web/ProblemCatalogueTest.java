package sh.grassroots.platform.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemCatalogueTest {
    private final ProblemCatalogue catalogue = ProblemCatalogue.load(getClass().getClassLoader());

    @Test
    void a_chinese_reader_gets_the_title_and_the_detail_with_its_data_kept() {
        Problem english = ProblemException.notFound("Organization", "4f1c").problem();

        Problem chinese = catalogue.localize(english, Languages.CHINESE);

        assertEquals("未找到组织", chinese.title());
        assertEquals("没有编号为 4f1c 的组织", chinese.detail());
        assertEquals(english.type(), chinese.type());
        assertEquals(404, chinese.status());
    }

    @Test
    void an_english_reader_gets_the_words_the_code_wrote() {
        Problem english = ProblemException.notFound("Organization", "4f1c").problem();

        assertEquals(english, catalogue.localize(english, Languages.ENGLISH));
    }

    @Test
    void the_most_specific_pattern_wins() {
        Problem refused = Callers.forbidden(new sh.grassroots.platform.access.Refusal("out-of-scope",
                "This lies outside your scope: your roles [organizer] apply to the subtree of organization 42 and district 310110"))
                .problem();

        Problem chinese = catalogue.localize(refused, Languages.CHINESE);

        assertEquals("无权访问", chinese.title());
        assertEquals("超出您的管理范围：您的角色 [organizer] 仅适用于组织 42 及其下级和区 310110", chinese.detail());
    }

    @Test
    void field_errors_are_translated_and_name_the_field() {
        Problem invalid = Problem.withErrors(400, "invalid-field", "Invalid field value", "Field startsAt must be a UUID",
                List.of(new Problem.FieldError("startsAt", "must be a UUID")));

        Problem chinese = catalogue.localize(invalid, Languages.CHINESE);

        assertEquals("字段 startsAt 必须是UUID", chinese.detail());
        assertEquals(List.of(new Problem.FieldError("startsAt", "必须是UUID")), chinese.errors());
    }

    @Test
    void a_detail_no_pattern_knows_keeps_its_english_words_under_a_chinese_title() {
        Problem odd = Problem.of(400, "validation", "Invalid request", "Something nobody wrote a pattern for");

        Problem chinese = catalogue.localize(odd, Languages.CHINESE);

        assertEquals("请求无效", chinese.title());
        assertEquals("Something nobody wrote a pattern for", chinese.detail());
    }

    @Test
    void every_english_entry_of_the_platform_has_its_chinese_one_with_the_same_data() {
        var english = catalogue.entries(Languages.ENGLISH);
        var chinese = catalogue.entries(Languages.CHINESE);
        for (String key : english.stringPropertyNames()) {
            assertTrue(chinese.containsKey(key), "no Chinese for " + key);
            if (!key.startsWith("term.")) {
                assertEquals(placeholders(english.getProperty(key)), placeholders(chinese.getProperty(key)),
                        "the data of " + key);
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        java.util.Set<String> found = new java.util.TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

}
