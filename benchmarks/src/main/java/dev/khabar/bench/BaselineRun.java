package dev.khabar.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The physical limit of this machine's broker path: the same payloads produced (idempotent, {@code acks=all})
 * and consumed (read committed) through Kafka with no enrichment.
 */
final class BaselineRun {

    private static final String TOPIC = "bench.baseline";
    private static final String SENT_AT = "bench.sent.nanos";

    private BaselineRun() {
    }

    static RunResult run(String bootstrap, List<byte[]> payloads, int partitions, Duration timeout)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(partitions), Optional.empty()))).all().get();
        }
        Map<String, Object> consumerProps = new HashMap<>();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerProps = new HashMap<>();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        List<Double> latenciesMs = new ArrayList<>(payloads.size());
        long bytes = payloads.stream().mapToLong(p -> p.length).sum();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            long start = System.nanoTime();
            Thread sender = new Thread(() -> {
                for (byte[] payload : payloads) {
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, payload);
                    record.headers().add(SENT_AT, ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
                    producer.send(record);
                }
                producer.flush();
            }, "bench-baseline-producer");
            sender.start();
            long deadline = start + timeout.toNanos();
            long last = start;
            while (latenciesMs.size() < payloads.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    long sent = ByteBuffer.wrap(record.headers().lastHeader(SENT_AT).value()).getLong();
                    latenciesMs.add((now - sent) / 1e6);
                    last = now;
                }
            }
            sender.join();
            return new RunResult(payloads.size(), latenciesMs.size(), bytes, (last - start) / 1e9, latenciesMs);
        }
    }
}
