import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consumer end of bench/event-lag.sh: creates its topic, reads from its end, prints READY,
 * then takes {@code count} records whose envelope carries {@code "committedAtMicros"} (the
 * database's clock_timestamp() when the row was written, a moment before its commit) and prints
 * commit-to-consumer latency p50/p99/max in ms. Same machine, same clock.
 * Usage: java -cp "bench/kafka-tools/target/lib/*" bench/EventLag.java bootstrap topic count timeout-seconds
 */
public class EventLag {
    private static final Pattern COMMITTED = Pattern.compile("\"committedAtMicros\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        long timeoutSeconds = Long.parseLong(args[3]);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
        }
        List<Double> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 0,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToEnd(Set.of(partition));
            consumer.position(partition);
            System.out.println("READY");
            System.out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (latencies.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant received = Instant.now();
                    Matcher m = COMMITTED.matcher(record.value());
                    if (m.find()) {
                        long micros = Long.parseLong(m.group(1));
                        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, received);
                        latencies.add((nowMicros - micros) / 1000.0);
                    }
                }
            }
        }
        if (latencies.size() < count) {
            System.out.printf("TIMEOUT received %d of %d%n", latencies.size(), count);
        }
        Collections.sort(latencies);
        System.out.printf("p50=%.2f p99=%.2f max=%.2f n=%d%n", at(latencies, 0.50), at(latencies, 0.99),
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1), latencies.size());
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
