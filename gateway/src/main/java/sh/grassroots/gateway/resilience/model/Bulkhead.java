package sh.grassroots.gateway.resilience.model;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * At most {@code limit} requests in flight to one upstream, so a slow service can hold only its
 * own share of the gateway's connections and the other routes keep answering. A request that finds
 * every permit taken waits in line (first come, first served, at most {@code maxWaiting} of them)
 * and is let in when a request in flight leaves: a burst of taps is answered late rather than
 * refused. How long one may wait is the caller's business ({@link #withdraw} when it gives up).
 * Thread-safe: event loops enter and leave concurrently.
 */
public final class Bulkhead {
    private final int limit;
    private final int maxWaiting;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int inFlight;

    /** How a request entered. */
    public sealed interface Entry permits Admitted, Queued, Full {
    }

    /** A permit was free: go ahead now, and {@link #leave()} when done. */
    public record Admitted() implements Entry {
    }

    /** In line: {@code waiter}'s action runs (once) when a permit is handed to it, unless withdrawn first. */
    public record Queued(Waiter waiter) implements Entry {
    }

    /** Every permit taken and the line full: refuse at once. */
    public record Full() implements Entry {
    }

    /** A request waiting for a permit. */
    public static final class Waiter {
        private final Runnable admitted;

        private Waiter(Runnable admitted) {
            this.admitted = admitted;
        }
    }

    public Bulkhead(int limit) {
        this(limit, 0);
    }

    public Bulkhead(int limit, int maxWaiting) {
        if (limit < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("limit >= 1 and maxWaiting >= 0");
        }
        this.limit = limit;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Takes a permit when one is free and nobody waits before this request; else queues
     * {@code whenAdmitted}, which runs on the thread of the {@link #leave()} that hands it a permit.
     */
    public Entry enter(Runnable whenAdmitted) {
        Objects.requireNonNull(whenAdmitted, "whenAdmitted");
        synchronized (this) {
            if (inFlight < limit && waiting.isEmpty()) {
                inFlight++;
                return new Admitted();
            }
            if (waiting.size() >= maxWaiting) {
                return new Full();
            }
            Waiter waiter = new Waiter(whenAdmitted);
            waiting.addLast(waiter);
            return new Queued(waiter);
        }
    }

    /** Takes a permit only when one is free at once. */
    public synchronized boolean tryEnter() {
        if (inFlight < limit && waiting.isEmpty()) {
            inFlight++;
            return true;
        }
        return false;
    }

    /**
     * A waiter gives up (its deadline passed, its caller went away): true when it was still in
     * line and is now out of it; false when a permit had already been handed to it, which it must
     * then {@link #leave()}.
     */
    public synchronized boolean withdraw(Waiter waiter) {
        return waiting.remove(waiter);
    }

    /** Gives the permit back: to the first waiter in line, whose action runs now, or to the pool. */
    public void leave() {
        Waiter next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                if (inFlight > 0) {
                    inFlight--;
                }
                return;
            }
        }
        next.admitted.run();
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int waiting() {
        return waiting.size();
    }
}
