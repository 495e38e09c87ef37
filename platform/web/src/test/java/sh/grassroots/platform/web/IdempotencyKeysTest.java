package sh.grassroots.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyKeysTest {

    @Test
    void a_key_is_one_to_two_hundred_characters_or_absent() {
        assertNull(IdempotencyKeys.read(null));
        assertEquals("k-1", IdempotencyKeys.read("k-1"));
        assertEquals("x".repeat(200), IdempotencyKeys.read("x".repeat(200)));
        for (String bad : new String[]{"", "  ", "x".repeat(201)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKeys.read(bad));
            assertEquals(400, e.problem().status());
            assertEquals("Idempotency-Key", e.problem().errors().get(0).field());
        }
    }

    @Test
    void the_fingerprint_tells_requests_apart_and_repeats_for_the_same_one() {
        assertEquals(IdempotencyKeys.fingerprint("a|b"), IdempotencyKeys.fingerprint("a|b"));
        assertNotEquals(IdempotencyKeys.fingerprint("a|b"), IdempotencyKeys.fingerprint("a|c"));
        assertEquals(64, IdempotencyKeys.fingerprint("").length());
    }

    @Test
    void a_reused_key_is_422_in_both_languages() {
        Problem problem = IdempotencyKeys.reused().problem();
        assertEquals(422, problem.status());
        assertEquals("idempotency-key-reused", problem.slug());
        Problem chinese = ProblemCatalogue.load(getClass().getClassLoader()).localize(problem, Languages.CHINESE);
        assertEquals("幂等键被重复使用", chinese.title());
        assertEquals("此幂等键已用于另一个请求", chinese.detail());
    }
}
