package sh.grassroots.platform.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import java.util.List;

/**
 * The trace context an event carries from the work that recorded it, through the outbox and
 * Kafka, to the work of its consumers: the W3C {@code traceparent} of the current span goes into
 * the envelope and the outbox row ({@link Outbox}), the relay publishes under it and puts its own
 * span's context into the record's headers ({@link OutboxRelay}), and a consumer's handling runs
 * in a span continuing it ({@link ReceivedEvent#consume}).
 *
 * <p>The tracer is held statically because {@link ReceivedEvent} is a static helper every
 * consumer calls; it is the application's OpenTelemetry once the application has started, and a
 * no-op one before (and in plain unit tests), which still passes a parent's context on.
 */
@ApplicationScoped
public class EventTracing {
    static final String INSTRUMENTATION = "sh.grassroots.platform.outbox";
    private static volatile Tracer tracer = OpenTelemetry.noop().getTracer(INSTRUMENTATION);

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    void start(@Observes StartupEvent started, Instance<OpenTelemetry> openTelemetry) {
        if (openTelemetry.isResolvable()) {
            tracer = openTelemetry.get().getTracer(INSTRUMENTATION);
        }
    }

    static Tracer tracer() {
        return tracer;
    }

    /** The W3C traceparent of the current span, or null outside any trace. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** A root context holding {@code traceparent} as the remote parent; the root context when it is absent or invalid. */
    static Context contextOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
    }
}
