package sh.grassroots.gateway.resilience.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResilienceModelTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void a_caller_may_burst_up_to_the_limit_and_then_waits_for_a_refill() {
        var limiter = new RateLimiter(Map.of("default", new RateLimiter.Limit(3, Duration.ofMinutes(1))), now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("default", "member-1").allowed());
        }
        var rejected = limiter.tryAcquire("default", "member-1");
        assertFalse(rejected.allowed());
        assertEquals(20, rejected.retryAfterSeconds());

        advance(Duration.ofSeconds(20));
        assertTrue(limiter.tryAcquire("default", "member-1").allowed());
        assertFalse(limiter.tryAcquire("default", "member-1").allowed());
    }

    @Test
    void callers_and_limit_classes_have_separate_buckets() {
        var limiter = new RateLimiter(Map.of(
                "default", new RateLimiter.Limit(1, Duration.ofMinutes(1)),
                "create", new RateLimiter.Limit(1, Duration.ofMinutes(1))), now::get);
        assertTrue(limiter.tryAcquire("default", "a").allowed());
        assertTrue(limiter.tryAcquire("default", "b").allowed());
        assertTrue(limiter.tryAcquire("create", "a").allowed());
        assertFalse(limiter.tryAcquire("create", "a").allowed());
    }

    @Test
    void idle_buckets_are_evicted_once_they_are_full_again() {
        var limiter = new RateLimiter(Map.of("default", new RateLimiter.Limit(2, Duration.ofSeconds(10))), now::get);
        limiter.tryAcquire("default", "a");
        assertEquals(0, limiter.evictIdle());
        advance(Duration.ofSeconds(5));
        assertEquals(1, limiter.evictIdle());
        assertEquals(0, limiter.size());
    }

    @Test
    void the_breaker_opens_after_consecutive_failures_and_fails_fast() {
        var breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);
        breaker.onFailure();
        breaker.onFailure();
        assertTrue(breaker.tryPass());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass());
        assertEquals(10, breaker.retryAfterSeconds());
    }

    @Test
    void a_success_in_between_resets_the_failure_count() {
        var breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void after_the_open_period_one_trial_request_decides() {
        var breaker = new CircuitBreaker(1, Duration.ofSeconds(10), now::get);
        breaker.onFailure();
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryPass());
        assertFalse(breaker.tryPass(), "only one trial at a time");
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());

        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryPass());
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryPass());
    }

    @Test
    void a_bulkhead_lets_in_up_to_its_limit_and_refuses_at_once_without_a_line() {
        var bulkhead = new Bulkhead(2);
        assertTrue(bulkhead.tryEnter());
        assertTrue(bulkhead.tryEnter());
        assertFalse(bulkhead.tryEnter());
        assertTrue(bulkhead.enter(() -> { }) instanceof Bulkhead.Full);
        bulkhead.leave();
        assertTrue(bulkhead.tryEnter());
        assertEquals(2, bulkhead.inFlight());
    }

    @Test
    void a_request_finding_every_permit_taken_waits_in_line_and_gets_the_next_freed_permit() {
        var bulkhead = new Bulkhead(1, 2);
        var admitted = new java.util.ArrayList<String>();
        assertTrue(bulkhead.enter(() -> admitted.add("first")) instanceof Bulkhead.Admitted);
        assertTrue(bulkhead.enter(() -> admitted.add("second")) instanceof Bulkhead.Queued);
        assertTrue(bulkhead.enter(() -> admitted.add("third")) instanceof Bulkhead.Queued);
        assertTrue(bulkhead.enter(() -> admitted.add("fourth")) instanceof Bulkhead.Full, "the line holds two");
        assertEquals(java.util.List.of(), admitted);
        bulkhead.leave();
        assertEquals(java.util.List.of("second"), admitted, "first come, first served");
        assertEquals(1, bulkhead.inFlight(), "the permit passed on, not released");
        bulkhead.leave();
        bulkhead.leave();
        assertEquals(java.util.List.of("second", "third"), admitted);
        assertEquals(0, bulkhead.inFlight());
    }

    @Test
    void a_waiter_that_gives_up_leaves_the_line_and_a_late_one_knows_it_was_already_let_in() {
        var bulkhead = new Bulkhead(1, 5);
        var admitted = new java.util.ArrayList<String>();
        bulkhead.enter(() -> admitted.add("first"));
        var patient = (Bulkhead.Queued) bulkhead.enter(() -> admitted.add("patient"));
        var impatient = (Bulkhead.Queued) bulkhead.enter(() -> admitted.add("impatient"));
        assertTrue(bulkhead.withdraw(impatient.waiter()));
        bulkhead.leave();
        assertEquals(java.util.List.of("patient"), admitted);
        assertFalse(bulkhead.withdraw(patient.waiter()), "already holds a permit: it must leave() instead");
        assertEquals(0, bulkhead.waiting());
    }
}
