package sh.grassroots.stations.i18n;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ProblemWords;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every problem this service can write has its title (and its patterns) in zh-CN and en. */
class ProblemWordsTest {

    @Test
    void every_slug_written_in_the_code_has_both_languages() {
        Set<String> slugs = new TreeSet<>(ProblemWords.slugsUsed("sh.grassroots.stations"));
        // The bookers stations does not know (yet) or who can no longer book: StationAccess.unknown(slug, …).
        slugs.addAll(List.of("booking-unknown-organization", "booking-organization-dissolved",
                "booking-unknown-member-unit", "booking-member-unit-left"));
        ProblemWords.assertBothLanguages(slugs);
    }
}
