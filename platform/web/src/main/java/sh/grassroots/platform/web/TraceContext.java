package sh.grassroots.platform.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C Trace Context ({@code traceparent}) as every hop passes it on: the gateway makes one when
 * a caller sends none, the services keep it in the log context while they handle a request, and
 * the outbox copies it into every event recorded meanwhile, so a trace continues through Kafka.
 */
public final class TraceContext {
    public static final String HEADER = "traceparent";
    /** The log context (MDC) key; platform/outbox reads the same key when it writes an envelope. */
    public static final String MDC_KEY = "traceparent";
    private static final HexFormat HEX = HexFormat.of();
    private static final int LENGTH = 55; // 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>

    private TraceContext() {
    }

    /**
     * Whether {@code value} is a version-00 traceparent: lower-case hex fields of the right
     * lengths, and neither the trace id nor the parent id all zeros (W3C Trace Context §3.2).
     */
    public static boolean isValid(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith("00-")
                || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        return hex(value, 3, 35) && hex(value, 36, 52) && hex(value, 53, 55)
                && !zeros(value, 3, 35) && !zeros(value, 36, 52);
    }

    /** A fresh, sampled traceparent. Trace ids must be unique, not secret: no SecureRandom per request. */
    public static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] parent = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(parent);
        trace[0] |= 1; // never all zeros
        parent[0] |= 1;
        return "00-" + HEX.formatHex(trace) + "-" + HEX.formatHex(parent) + "-01";
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
