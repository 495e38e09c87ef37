package sh.grassroots.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderFilterTest {

    @Test
    void hop_by_hop_headers_stop_in_any_case_both_ways() {
        for (String name : new String[] {"Connection", "KEEP-ALIVE", "transfer-encoding", "Host", "TE", "Upgrade"}) {
            assertTrue(Forwarder.stopsHere(name, true), name);
            assertTrue(Forwarder.stopsHere(name, false), name);
        }
    }

    @Test
    void the_bearer_token_stops_on_the_way_in_only() {
        assertTrue(Forwarder.stopsHere("Authorization", true));
        assertTrue(Forwarder.stopsHere("authorization", true));
        assertFalse(Forwarder.stopsHere("Authorization", false));
    }

    @Test
    void the_callers_trace_context_stops_on_the_way_in_where_the_gateways_own_tracing_sends_its_own() {
        for (String name : new String[] {"traceparent", "TraceParent", "tracestate", "baggage"}) {
            assertTrue(Forwarder.stopsHere(name, true), name);
            assertFalse(Forwarder.stopsHere(name, false), name);
        }
    }

    @Test
    void end_to_end_headers_pass() {
        for (String name : new String[] {"Content-Type", "Content-Length", "ETag", "If-None-Match", sh.grassroots.platform.access.CallerHeaders.SUBJECT,
                "traceparents", "Tee", "Hosts"}) {
            assertFalse(Forwarder.stopsHere(name, true), name);
            assertFalse(Forwarder.stopsHere(name, false), name);
        }
    }
}
