package sh.grassroots.platform.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Moves a dead-letter topic's records back to the topic they came from (its
 * {@code dead-letter-topic} header), with their key, value and headers (less SmallRye's
 * dead-letter ones, plus {@code redriven-from}), so that every consumer group of that topic reads
 * them again; consumers skip what they had applied (inbox). It reads from where its own
 * consumer group ({@code dlq-redrive.<dead-letter topic>}) stopped last time up to the end
 * offsets seen when it started, and commits as it goes: each dead letter goes back once.
 * Records whose reason says they can never apply ({@link DeadLetter#UNREADABLE},
 * {@link DeadLetter#INVALID}) are passed over unless {@code --all} is given: sent back they would
 * only be dead-lettered again.
 *
 * <p>Plain Kafka client, no Quarkus: {@code bin/redrive-dlq} runs it from a service's packaged
 * libraries, and so can an operator inside a service's container (docs/events.md).
 */
public final class DeadLetterRedrive {
    private static final Set<String> NEVER_APPLIES = Set.of(DeadLetter.UNREADABLE, DeadLetter.INVALID);

    /** What one run did. */
    public record Result(int moved, int passedOver, Map<String, Integer> movedTo) {
        @Override
        public String toString() {
            return "moved " + moved + " " + movedTo + ", passed over " + passedOver + " that can never apply";
        }
    }

    private DeadLetterRedrive() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        String to = null;
        boolean all = false;
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--to" -> to = args[++i];
                case "--all" -> all = true;
                default -> topics.add(args[i]);
            }
        }
        if (bootstrap == null || topics.isEmpty()) {
            System.err.println("usage: DeadLetterRedrive --bootstrap-servers HOST:PORT [--to TOPIC] [--all] DLQ-TOPIC...");
            System.exit(2);
        }
        for (String dlq : topics) {
            System.out.println(dlq + ": " + redrive(bootstrap, dlq, to, all));
        }
    }

    /**
     * Moves {@code deadLetterTopic}'s records that arrived since the last run back to their
     * topic ({@code to} when a record does not name it).
     */
    public static Result redrive(String bootstrap, String deadLetterTopic, String to, boolean all) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-redrive." + deadLetterTopic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        int moved = 0;
        int passedOver = 0;
        Map<String, Integer> movedTo = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            for (var c : consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30)).entrySet()) {
                if (c.getValue() != null) {
                    consumer.seek(c.getKey(), c.getValue());
                }
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                List<Future<?>> acks = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    committed.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    String reason = header(record, "dead-letter-reason");
                    if (!all && reason != null && NEVER_APPLIES.stream().anyMatch(r -> reason.startsWith(r + ":"))) {
                        passedOver++;
                        continue;
                    }
                    String target = header(record, "dead-letter-topic");
                    if (target == null) {
                        target = to;
                    }
                    if (target == null) {
                        throw new IllegalStateException(deadLetterTopic + " offset " + record.offset()
                                + " names no dead-letter-topic: give --to");
                    }
                    ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(target, record.key(), record.value());
                    for (Header h : record.headers()) {
                        if (!h.key().startsWith("dead-letter-")) {
                            back.headers().add(h);
                        }
                    }
                    back.headers().add("redriven-from", (deadLetterTopic + "/" + record.partition() + "/" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(back));
                    movedTo.merge(target, 1, Integer::sum);
                    moved++;
                }
                for (Future<?> ack : acks) {
                    ack.get();
                }
                if (!committed.isEmpty()) {
                    consumer.commitSync(committed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a record could not be sent back: " + e.getCause(), e.getCause());
        }
        return new Result(moved, passedOver, movedTo);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
