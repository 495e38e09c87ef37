package sh.grassroots.org.i18n;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ProblemWords;
import sh.grassroots.org.access.model.OrgAccessPolicy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every problem this service can write has its title (and its patterns) in zh-CN and en. */
class ProblemWordsTest {

    @Test
    void every_slug_written_in_the_code_has_both_languages() {
        Set<String> slugs = new TreeSet<>(ProblemWords.slugsUsed("sh.grassroots.org"));
        // Slugs the code builds from a word: "unknown-" + what.
        slugs.add("unknown-member");
        slugs.add("unknown-organization");
        // Refusals of the inter-district transfers, named by constants of the policy.
        slugs.addAll(List.of(OrgAccessPolicy.SERVICE_IDENTITY_REQUIRED, OrgAccessPolicy.DECIDED_BY_RECEIVING_SYSTEM,
                OrgAccessPolicy.NOT_INTER_DISTRICT, OrgAccessPolicy.CLOSED_WITHOUT_MOVE));
        ProblemWords.assertBothLanguages(slugs);
    }
}
