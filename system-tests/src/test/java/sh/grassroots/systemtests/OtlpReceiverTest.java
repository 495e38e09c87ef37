package sh.grassroots.systemtests;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's OTLP receiver reads what an OpenTelemetry exporter sends: spans encoded by the
 * SDK's own OTLP marshaler (the one the apps' exporter uses), with the fields a real span
 * carries around the few read here (the resource's schema URL, events, status, numbers).
 * It once refused every such export: skipping a length-delimited field lost its length's bytes.
 */
class OtlpReceiverTest {
    private final List<SpanData> finished = new ArrayList<>();
    private SdkTracerProvider provider;
    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new OtlpReceiver();
        provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.builder().put("service.name", "org-service")
                        .put("service.version", "0.1.0").build(), "https://opentelemetry.io/schemas/1.24.0"))
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
                .build();
    }

    @AfterEach
    void stop() {
        provider.close();
        receiver.close();
    }

    @Test
    void spans_as_an_exporter_sends_them_are_read_with_their_service_parent_kind_and_attributes() throws Exception {
        Tracer tracer = provider.get("test");
        Span server = tracer.spanBuilder("POST /api/v1/orgs/organizations").setSpanKind(SpanKind.SERVER)
                .setAttribute("http.response.status_code", 201L).startSpan();
        Span database = tracer.spanBuilder("INSERT org").setSpanKind(SpanKind.CLIENT)
                .setParent(Context.root().with(server))
                .setAttribute("db.system", "postgresql").setAttribute("db.statement", "insert into organization ...")
                .setAttribute("sampled", true).setAttribute("ratio", 0.5).startSpan();
        database.addEvent("rows", Attributes.builder().put("count", 1L).build());
        database.setStatus(StatusCode.OK);
        database.end();
        server.end();

        assertEquals(200, post(encoded(), false));

        List<OtlpReceiver.ReceivedSpan> trace = receiver.trace(server.getSpanContext().getTraceId());
        assertEquals(2, trace.size(), receiver.summary());
        OtlpReceiver.ReceivedSpan readServer = trace.stream().filter(s -> s.kind() == OtlpReceiver.SERVER).findFirst().orElseThrow();
        OtlpReceiver.ReceivedSpan readDatabase = trace.stream().filter(s -> s.kind() == OtlpReceiver.CLIENT).findFirst().orElseThrow();
        assertEquals("org-service", readServer.service());
        assertEquals("POST /api/v1/orgs/organizations", readServer.name());
        assertEquals(server.getSpanContext().getSpanId(), readServer.spanId());
        assertEquals("201", readServer.attributes().get("http.response.status_code"));
        assertEquals(server.getSpanContext().getSpanId(), readDatabase.parentSpanId());
        assertEquals("postgresql", readDatabase.attributes().get("db.system"));
    }

    @Test
    void a_gzipped_export_is_read_as_well() throws Exception {
        Span span = provider.get("test").spanBuilder("OrganizationCreated process").setSpanKind(SpanKind.CONSUMER).startSpan();
        span.end();

        assertEquals(200, post(encoded(), true));

        assertEquals(List.of("OrganizationCreated process"),
                receiver.trace(span.getSpanContext().getTraceId()).stream().map(OtlpReceiver.ReceivedSpan::name).toList());
    }

    @Test
    void what_is_not_an_export_is_refused_and_counted() throws Exception {
        assertEquals(400, post(new byte[] {(byte) 0x0a, (byte) 0xff}, false));

        assertTrue(receiver.summary().startsWith("1 export requests (1 refused)"), receiver.summary());
    }

    private byte[] encoded() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(finished).writeBinaryTo(out);
        return out.toByteArray();
    }

    private int post(byte[] body, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf");
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            finished.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
