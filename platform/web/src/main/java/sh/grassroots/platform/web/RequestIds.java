package sh.grassroots.platform.web;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The request id that every log line carries ({@code %X{requestId}}) and every hop passes on. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /** Keeps a caller's id when it is harmless to log, otherwise makes a new one. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        // Request ids must be unique, not secret: a random version-4 UUID from the thread's own
        // generator, without UUID.randomUUID()'s shared SecureRandom on every request.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? "none" : id.toString();
    }
}
