package sh.grassroots.systemtests;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP/HTTP trace receiver for the suite's services (what a collector would be): accepts
 * {@code POST /v1/traces} in protobuf and keeps every span with its service's name. The few
 * fields read are decoded from the protobuf wire format directly (field numbers from
 * opentelemetry-proto's trace.proto, resource.proto and common.proto), rather than bringing in
 * generated classes for a test.
 */
final class OtlpReceiver implements AutoCloseable {
    /** Span kinds as trace.proto numbers them. */
    static final int SERVER = 2, CLIENT = 3, PRODUCER = 4, CONSUMER = 5;

    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                        Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                byte[] body = readAll("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody());
                int status = 200;
                try {
                    exportRequest(body);
                } catch (RuntimeException malformed) {
                    status = 400;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void exportRequest(byte[] message) {
        Wire w = new Wire(message);
        while (w.more()) {
            int field = w.tag();
            if (field == 1) {
                resourceSpans(w.bytes());
            } else {
                w.skip();
            }
        }
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private void resourceSpans(byte[] message) {
        Wire w = new Wire(message);
        String service = "";
        List<byte[]> scopes = new java.util.ArrayList<>();
        while (w.more()) {
            int field = w.tag();
            if (field == 1) {
                service = attributes(w.bytes(), 1).getOrDefault("service.name", "");
            } else if (field == 2) {
                scopes.add(w.bytes());
            } else {
                w.skip();
            }
        }
        for (byte[] scope : scopes) {
            Wire s = new Wire(scope); // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (s.more()) {
                if (s.tag() == 2) {
                    spans.add(span(service, s.bytes()));
                } else {
                    s.skip();
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5;
    //        SpanKind kind = 6; repeated KeyValue attributes = 9; }
    private static ReceivedSpan span(String service, byte[] message) {
        Wire w = new Wire(message);
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        Map<String, String> attributes = new HashMap<>();
        while (w.more()) {
            int field = w.tag();
            switch (field) {
                case 1 -> traceId = HexFormat.of().formatHex(w.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(w.bytes());
                case 4 -> parent = HexFormat.of().formatHex(w.bytes());
                case 5 -> name = new String(w.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = (int) w.varint();
                case 9 -> attributes.putAll(keyValue(w.bytes()));
                default -> w.skip();
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, Map.copyOf(attributes));
    }

    /** The string attributes of a message whose field {@code field} is a repeated KeyValue. */
    private static Map<String, String> attributes(byte[] message, int field) {
        Wire w = new Wire(message);
        Map<String, String> out = new HashMap<>();
        while (w.more()) {
            if (w.tag() == field) {
                out.putAll(keyValue(w.bytes()));
            } else {
                w.skip();
            }
        }
        return out;
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; int_value = 3; ... }
    private static Map<String, String> keyValue(byte[] message) {
        Wire w = new Wire(message);
        String key = null, value = null;
        while (w.more()) {
            int field = w.tag();
            if (field == 1) {
                key = new String(w.bytes(), StandardCharsets.UTF_8);
            } else if (field == 2) {
                Wire v = new Wire(w.bytes());
                while (v.more()) {
                    int f = v.tag();
                    if (f == 1) {
                        value = new String(v.bytes(), StandardCharsets.UTF_8);
                    } else if (f == 3 && v.wireType == 0) {
                        value = Long.toString(v.varint());
                    } else {
                        v.skip();
                    }
                }
            } else {
                w.skip();
            }
        }
        return key == null || value == null ? Map.of() : Map.of(key, value);
    }

    /** The protobuf wire format: varint tags, then a varint, 64-bit, length-delimited or 32-bit value. */
    private static final class Wire {
        private final byte[] buffer;
        private int position;
        int wireType;

        Wire(byte[] buffer) {
            this.buffer = buffer;
        }

        boolean more() {
            return position < buffer.length;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buffer[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        byte[] bytes() {
            if (wireType != 2) {
                throw new IllegalArgumentException("not length-delimited: wire type " + wireType);
            }
            int length = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return out;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> position += (int) varint();
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unknown wire type " + wireType);
            }
        }
    }
}
