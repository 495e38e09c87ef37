import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * bin/faults' view of a topic: "TOPIC RECORDS DISTINCT_EVENT_IDS", read from the beginning to
 * the end offsets seen at the start (the eventId header the relay writes; the key when absent).
 * A topic that does not exist counts 0.
 */
public class TopicStats {
    public static void main(String[] args) {
        String bootstrap = args[0];
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            Set<String> existing = consumer.listTopics(Duration.ofSeconds(30)).keySet();
            for (int i = 1; i < args.length; i++) {
                String topic = args[i];
                if (!existing.contains(topic)) {
                    System.out.println(topic + " 0 0");
                    continue;
                }
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                long records = 0;
                Set<String> ids = new HashSet<>();
                while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                            continue;
                        }
                        records++;
                        Header id = r.headers().lastHeader("eventId");
                        ids.add(id == null ? "key:" + r.key() + "@" + r.offset() : new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
                System.out.println(topic + " " + records + " " + ids.size());
            }
        }
    }
}
