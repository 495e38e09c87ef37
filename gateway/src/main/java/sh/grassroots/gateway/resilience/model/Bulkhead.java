package sh.grassroots.gateway.resilience.model;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests in flight to one upstream, so a slow service can hold only its
 * own share of the gateway's connections and the other routes keep answering.
 */
public final class Bulkhead {
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Bulkhead(int limit) {
        this.limit = limit;
    }

    public boolean tryEnter() {
        while (true) {
            int current = inFlight.get();
            if (current >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
