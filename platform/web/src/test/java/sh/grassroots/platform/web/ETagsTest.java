package sh.grassroots.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void a_read_whose_copy_is_current_is_304_also_when_a_proxy_weakened_the_tag() {
        assertEquals(304, ETags.read("x", 3, "\"3\"").getStatus());
        assertEquals(304, ETags.read("x", 3, "W/\"3\"").getStatus());
        assertEquals(304, ETags.read("x", 3, "\"1\", \"3\"").getStatus());
        assertEquals(304, ETags.read("x", 3, "*").getStatus());
        assertEquals(200, ETags.read("x", 3, "\"2\"").getStatus());
        assertEquals(200, ETags.read("x", 3, null).getStatus());
        assertEquals("\"3\"", ETags.read("x", 3, null).getHeaderString("ETag"));
    }

    @Test
    void if_match_names_a_version_or_nothing() {
        assertEquals(7L, ETags.expectedVersion("\"7\""));
        assertEquals(7L, ETags.expectedVersion(" \"7\" "));
        assertNull(ETags.expectedVersion(null));
        assertNull(ETags.expectedVersion(" "));
        assertNull(ETags.expectedVersion("*"));
    }

    @Test
    void a_weak_or_foreign_if_match_is_400_invalid_if_match_naming_the_header() {
        for (String bad : new String[]{"W/\"7\"", "7", "\"seven\"", "\"-1\"", "\"99999999999999999999\"", "\""}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ETags.expectedVersion(bad), bad);
            assertEquals(400, e.problem().status(), bad);
            assertEquals("invalid-if-match", e.problem().slug(), bad);
            assertEquals("If-Match", e.problem().errors().get(0).field(), bad);
        }
    }

    @Test
    void a_version_other_than_the_stored_one_is_412_stale_version() {
        ETags.requireCurrent(null, 4);
        ETags.requireCurrent(4L, 4);
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireCurrent(3L, 4));
        assertEquals(412, e.problem().status());
        assertEquals("stale-version", e.problem().slug());
    }

    @Test
    void both_languages_word_the_problems() {
        ProblemCatalogue catalogue = ProblemCatalogue.load(getClass().getClassLoader());
        Problem stale = catalogue.localize(ETags.stale(3, 4).problem(), Languages.CHINESE);
        assertEquals("资源已被修改", stale.title());
        assertEquals("您发送的是第 3 版，现已是第 4 版；请重新读取后重试", stale.detail());
        ProblemException weak = assertThrows(ProblemException.class, () -> ETags.expectedVersion("W/\"1\""));
        Problem chinese = catalogue.localize(weak.problem(), Languages.CHINESE);
        assertEquals("If-Match 无效", chinese.title());
        assertEquals("If-Match 须原样使用我们给出的 ETag（弱 ETag W/ 永远不能用于修改）", chinese.detail());
        assertEquals("不是此资源的 ETag", chinese.errors().get(0).message());
    }
}
