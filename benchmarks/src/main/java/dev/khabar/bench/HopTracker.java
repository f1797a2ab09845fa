package dev.khabar.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.khabar.enrich.EnrichTopology;
import dev.khabar.model.SourceHeaders;
import dev.khabar.model.Topics;

/**
 * Watches every topic an article passes through (read committed, as the next hop reads it) and notes when each
 * article id first became visible on each, so the latency from file drop to sink write splits into hops.
 */
final class HopTracker implements AutoCloseable {

    static final String APPLICATION_ID = "khabar-enrich";
    static final String INGESTED = "ingest read the file";
    /** Topics in the order an article passes them. */
    static final List<String> TOPICS = List.of(Topics.RAW.name(),
            APPLICATION_ID + "-" + EnrichTopology.DEDUP_REPARTITION + "-repartition",
            APPLICATION_ID + "-" + EnrichTopology.ENRICH_REPARTITION + "-repartition",
            Topics.ENRICHED.name());

    private final Map<String, Map<String, Long>> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> ingestedAt = new ConcurrentHashMap<>();
    private final AtomicInteger accounted = new AtomicInteger();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    HopTracker(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-hop-tracker");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> all = new ArrayList<>(TOPICS);
        all.add(Topics.DUPLICATES.name());
        all.add(Topics.DLQ.name());
        for (String topic : all) {
            seen.put(topic, new ConcurrentHashMap<>());
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-hop-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.currentTimeMillis();
                String id = record.key() == null ? "offset-" + record.offset()
                        : new String(record.key(), StandardCharsets.UTF_8);
                String topic = record.topic();
                if (topic.equals(Topics.ENRICHED.name()) || topic.equals(Topics.DUPLICATES.name())
                        || topic.equals(Topics.DLQ.name())) {
                    // every file dropped ends as exactly one record on one of these (read committed)
                    accounted.incrementAndGet();
                }
                if (seen.get(topic).putIfAbsent(id, now) == null) {
                    if (topic.equals(Topics.RAW.name())) {
                        Header header = record.headers().lastHeader(SourceHeaders.INGESTED_AT);
                        if (header != null) {
                            ingestedAt.put(id, Instant.parse(new String(header.value(), StandardCharsets.UTF_8)).toEpochMilli());
                        }
                    }
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    /** Records that came out at the end of enrich: enriched, duplicate or dead letter. */
    int accounted() {
        return accounted.get();
    }

    int enriched() {
        return seen.get(Topics.ENRICHED.name()).size();
    }

    int duplicates() {
        return seen.get(Topics.DUPLICATES.name()).size();
    }

    int deadLetters() {
        return seen.get(Topics.DLQ.name()).size();
    }

    /**
     * Per hop, the milliseconds each enriched article of {@code droppedAt} spent: drop to ingest read, to
     * {@code articles.raw}, to each internal topic, to {@code articles.enriched}, to the sink's file
     * ({@code writtenAt}).
     */
    Map<String, List<Double>> hops(Map<String, Long> droppedAt, Map<String, Long> writtenAt) {
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        List<String> points = new ArrayList<>();
        points.add(INGESTED);
        points.addAll(TOPICS);
        points.add("sink file");
        String previous = "file drop";
        for (String point : points) {
            hops.put(previous + " -> " + point, new ArrayList<>());
            previous = point;
        }
        for (Map.Entry<String, Long> drop : droppedAt.entrySet()) {
            String id = drop.getKey();
            Long written = writtenAt.get(id);
            if (written == null) {
                continue;
            }
            List<Long> times = new ArrayList<>();
            times.add(drop.getValue());
            times.add(ingestedAt.get(id));
            TOPICS.forEach(t -> times.add(seen.get(t).get(id)));
            times.add(written);
            if (times.contains(null)) {
                continue;
            }
            int i = 0;
            for (List<Double> hop : hops.values()) {
                hop.add((double) (times.get(i + 1) - times.get(i)));
                i++;
            }
        }
        return hops;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
