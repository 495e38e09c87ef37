package sh.grassroots.notifications.i18n;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ProblemWords;

import java.util.Set;
import java.util.TreeSet;

/** Every problem this service can write has its title (and its patterns) in zh-CN and en. */
class ProblemWordsTest {

    @Test
    void every_slug_written_in_the_code_has_both_languages() {
        Set<String> slugs = new TreeSet<>(ProblemWords.slugsUsed("sh.grassroots.notifications"));
        ProblemWords.assertBothLanguages(slugs);
    }
}
