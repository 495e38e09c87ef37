package sh.grassroots.platform.web;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RejectionsTest {

    @Test
    void the_kind_alone_decides_the_status() {
        assertEquals(422, Rejections.problem(Rule.of("capacity-too-small", RuleKind.INVALID).rejects("d")).status());
        assertEquals(409, Rejections.problem(Rule.of("hold-expired", RuleKind.CONFLICT).rejects("d")).status());
        assertEquals(403, Rejections.problem(Rule.of("out-of-scope", RuleKind.FORBIDDEN).rejects("d")).status());
        assertEquals(404, Rejections.problem(Rule.of("not-found", RuleKind.NOT_FOUND).rejects("d")).status());
        assertEquals(410, Rejections.problem(Rule.of("feed-revoked", RuleKind.GONE).rejects("d")).status());
        assertEquals(412, Rejections.problem(Rule.of("stale-version", RuleKind.STALE).rejects("d")).status());
        assertEquals(400, Rejections.problem(Rule.of("validation", RuleKind.MALFORMED).rejects("d")).status());
    }

    @Test
    void every_kind_has_its_own_status() {
        Set<Integer> statuses = new HashSet<>();
        EnumSet.allOf(RuleKind.class).forEach(kind -> statuses.add(Rejections.status(kind)));
        assertEquals(RuleKind.values().length, statuses.size());
    }

    @Test
    void the_slug_is_the_type_and_the_detail_is_kept() {
        Problem problem = Rejections.problem(Rule.of("session-full", RuleKind.CONFLICT).rejects("No seat left in session 7"));
        assertEquals("urn:grassroots:problem:session-full", problem.type());
        assertEquals("No seat left in session 7", problem.detail());
    }

    @Test
    void the_title_is_the_catalogues_english_one_or_else_the_slug_in_words() {
        assertEquals("Unauthenticated", Rejections.problem(Rule.of("unauthenticated", RuleKind.MALFORMED).rejects("d")).title());
        assertEquals("Session full", Rejections.problem(Rule.of("session-full", RuleKind.CONFLICT).rejects("d")).title());
    }

    @Test
    void a_rejection_naming_a_field_keeps_its_status_and_lists_the_field() {
        Problem problem = Rejections.exception(Rule.of("unknown-parent", RuleKind.INVALID)
                .rejects("No organization with id 7"), "parentId", "no such organization").problem();
        assertEquals(422, problem.status());
        assertEquals(List.of(new Problem.FieldError("parentId", "no such organization")), problem.errors());
    }

    @Test
    void the_fields_a_rejection_names_become_its_errors_with_the_detail() {
        Problem problem = Rejections.problem(Rule.of("mediation-summary-missing", RuleKind.INVALID)
                .rejects("Say what was agreed", List.of("summary")));
        assertEquals(List.of(new Problem.FieldError("summary", "Say what was agreed")), problem.errors());
    }
}
