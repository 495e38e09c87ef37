package sh.grassroots.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String SAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void acceptsTheSpecificationsExample() {
        assertTrue(TraceContext.isValid(SAMPLE));
        assertTrue(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
    }

    @Test
    void rejectsWhatIsNotAVersion00Traceparent() {
        assertFalse(TraceContext.isValid(null));
        assertFalse(TraceContext.isValid(""));
        assertFalse(TraceContext.isValid(SAMPLE.toUpperCase()), "hex must be lower case");
        assertFalse(TraceContext.isValid("01" + SAMPLE.substring(2)), "only version 00 has this layout");
        assertFalse(TraceContext.isValid(SAMPLE + "-extra"));
        assertFalse(TraceContext.isValid(SAMPLE.substring(0, 54)));
        assertFalse(TraceContext.isValid(SAMPLE.replace('-', '_')));
        assertFalse(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"));
        assertFalse(TraceContext.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), "all-zero trace id");
        assertFalse(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"), "all-zero parent id");
        assertFalse(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x"));
    }

    @Test
    void newTraceparentsAreValidSampledAndDistinct() {
        String a = TraceContext.newTraceparent();
        String b = TraceContext.newTraceparent();
        assertTrue(TraceContext.isValid(a), a);
        assertTrue(a.endsWith("-01"));
        assertEquals(55, a.length());
        assertNotEquals(a.substring(3, 35), b.substring(3, 35));
    }
}
