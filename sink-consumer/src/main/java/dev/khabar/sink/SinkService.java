package dev.khabar.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Topics;
import dev.khabar.ops.Health;
import dev.khabar.ops.HealthStatus;
import dev.khabar.ops.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Reads committed records of {@code articles.enriched} (and, when mirroring, of {@code articles.duplicates} and
 * {@code articles.dlq}) and writes them to files, committing a record's offset only once its file is durable
 * (renamed after an fsync). A crash before the commit makes the next owner of the partition rewrite the same
 * files with the same content; a crash after it loses nothing.
 */
public final class SinkService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final SinkConfig config;
    private final EnrichedArticleWriter articles;
    private final JsonLinesWriter lines;
    private final RecordMirror mirror;
    private final Map<String, Object> consumerProperties;
    private final BrokerWatch broker;
    /** Built by the sink thread once the broker answers (a Kafka client cannot be built while its name does not resolve). */
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<EnrichedArticle> enriched = Topics.ENRICHED.valueSerde().deserializer();
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    /** The group gave this consumer its partitions (possibly none) and has not taken them away since. */
    private volatile boolean joined;
    private final ServiceMetrics metrics = new ServiceMetrics("sink");
    private final Counter writtenCounter;
    private final Counter unreadable;
    private final Counter writeFailures;
    private final Timer endToEnd;
    private final AtomicLong lag = new AtomicLong();
    private Thread thread;
    private long written;
    private int failures;

    public SinkService(SinkConfig config) {
        this.config = config;
        this.articles = new EnrichedArticleWriter(config.outDir(), config.layout());
        this.lines = config.format() == SinkConfig.Format.JSONL
                ? new JsonLinesWriter(config.outDir(), config.rollBytes(), config.rollAfter(), Clock.systemUTC())
                : null;
        this.mirror = new RecordMirror(config.outDir());
        Map<String, Object> props = config.common().clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-sink");
        this.consumerProperties = props;
        this.broker = new BrokerWatch("sink", config.common().clientProperties(), config.brokerUnreachableTimeout());
        this.writtenCounter = Counter.builder("khabar.sink.records.written")
                .description("Enriched articles written to the output folder").register(metrics.registry());
        this.unreadable = Counter.builder("khabar.sink.records.unreadable")
                .description("Records of articles.enriched skipped as unreadable").register(metrics.registry());
        this.writeFailures = Counter.builder("khabar.sink.write.failures")
                .description("Failed writes; the partition is read again from the first record not yet durable")
                .register(metrics.registry());
        this.endToEnd = Timer.builder("khabar.sink.end.to.end.latency")
                .description("From the article's ingest time to its write by the sink").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .register(metrics.registry());
        Gauge.builder("khabar.sink.consumer.lag", lag, AtomicLong::get).baseUnit("records")
                .description("Records of the assigned partitions not yet read, after the last poll")
                .register(metrics.registry());
    }

    private List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(Topics.ENRICHED.name()));
        if (config.mirrorDuplicates()) {
            topics.add(Topics.DUPLICATES.name());
        }
        if (config.mirrorDlq()) {
            topics.add(Topics.DLQ.name());
        }
        return topics;
    }

    public void start() {
        try {
            articles.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + config.outDir(), e);
        }
        metrics.serve(config.common().metricsPort(), health());
        broker.start();
        thread = new Thread(this::run, "khabar-sink");
        thread.start();
        LOG.info("Sink started: {} from {} as group {} to {} (format {}, layout {}, mirror duplicates {}, mirror dlq {})",
                topics(), config.common().bootstrapServers(), config.groupId(), config.outDir(),
                config.format().name().toLowerCase(java.util.Locale.ROOT), config.layout().parts(),
                config.mirrorDuplicates(), config.mirrorDlq());
    }

    /** Waits until the broker answers, then builds the consumer and subscribes; false if stopped meanwhile. */
    private boolean connect() throws InterruptedException {
        if (!broker.awaitAnswer() || !running) {
            return false;
        }
        KafkaConsumer<byte[], byte[]> created =
                new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        metrics.bind(new KafkaClientMetrics(created));
        created.subscribe(topics(), new Rebalance());
        consumer = created;
        return running;
    }

    private void run() {
        try {
            if (!connect()) {
                return;
            }
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.set(currentLag());
                boolean failed = false;
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                        if (!handle(record)) {
                            failed = true;
                            break;
                        }
                    }
                }
                if (lines != null) {
                    committable(lines.publishDue());
                }
                commit();
                failures = failed ? failures + 1 : 0;
                if (failed && stopRequested.await(Math.min(30_000, 500L * failures), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Sink woken up unexpectedly; stopping", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("Sink stopped by an unexpected failure; uncommitted records will be rewritten on restart", e);
        } finally {
            try {
                if (lines != null) {
                    committable(lines.publish(lines.openPartitions()));
                }
                commit();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot finish the open files on stop; their records will be rewritten on restart: {}",
                        e.toString());
            }
            joined = false;
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
            LOG.info("Sink stopped after writing {} articles", written);
            stopped.countDown();
        }
    }

    /** The meters of this service (also served on {@code metrics.port}). */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /**
     * Live while the sink thread runs (waiting for the broker included); ready once the group has given it its
     * partitions, unless the broker has been unreachable for {@code broker.unreachable.timeout.ms} (the consumer
     * keeps its partitions while the broker is away).
     */
    public Health health() {
        return new Health() {
            @Override
            public HealthStatus live() {
                if (thread == null) {
                    return HealthStatus.up("starting");
                }
                return thread.isAlive() ? HealthStatus.up("sink thread running") : HealthStatus.down("sink thread stopped");
            }

            @Override
            public HealthStatus ready() {
                if (thread == null || !thread.isAlive()) {
                    return HealthStatus.down(thread == null ? "starting" : "sink thread stopped");
                }
                if (consumer == null) {
                    return HealthStatus.down(broker.waiting());
                }
                Optional<String> unreachable = broker.unreachable();
                if (unreachable.isPresent()) {
                    return HealthStatus.down(unreachable.get());
                }
                return joined ? HealthStatus.up("consuming as group " + config.groupId())
                        : HealthStatus.down("waiting for partitions of group " + config.groupId() + " from "
                        + config.common().bootstrapServers());
            }
        };
    }

    private long currentLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong behind = consumer.currentLag(partition);
            total += behind.orElse(0);
        }
        return total;
    }

    /** Writes one record; on an I/O failure rewinds its partition to the first record not yet durable. */
    private boolean handle(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            if (record.topic().equals(Topics.DUPLICATES.name())) {
                mirror.writeDuplicate(record);
                done(partition, record.offset() + 1);
            } else if (record.topic().equals(Topics.DLQ.name())) {
                mirror.writeDeadLetter(record);
                done(partition, record.offset() + 1);
            } else {
                writeArticle(partition, record);
            }
            return true;
        } catch (IOException e) {
            long from = record.offset();
            if (lines != null && record.topic().equals(Topics.ENRICHED.name())) {
                long first = lines.firstOpenOffset(record.partition());
                from = first >= 0 ? first : from;
                lines.abandon(List.of(record.partition()));
            }
            writeFailures.increment();
            LOG.error("Cannot write {}-{}@{} under {}: {}; reading {}-{} again from offset {} after a pause",
                    record.topic(), record.partition(), record.offset(), config.outDir(), e.toString(),
                    record.topic(), record.partition(), from);
            consumer.seek(partition, from);
            return false;
        }
    }

    private void writeArticle(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) throws IOException {
        EnrichedArticle article;
        try {
            article = enriched.deserialize(record.topic(), record.headers(), record.value());
            if (article != null && !EnrichedArticleWriter.SAFE_ID.matcher(String.valueOf(article.id())).matches()) {
                throw new SerializationException("Unsafe article id for a file name: " + article.id());
            }
        } catch (SerializationException e) {
            unreadable.increment();
            LOG.error("Skipping unreadable record {}-{}@{}{}: {}", record.topic(), record.partition(), record.offset(),
                    config.mirrorDlq() ? " (copied to " + RecordMirror.DLQ_DIR + "/)" : "", e.getMessage());
            if (config.mirrorDlq()) {
                mirror.writeDeadLetter(record);
            }
            skipped(partition, record.offset());
            return;
        }
        if (article == null) {
            skipped(partition, record.offset());
            return;
        }
        if (lines == null) {
            Path file = articles.write(article, record.timestamp());
            written++;
            written(article);
            LOG.info("Wrote {} from {}-{}@{} to {}", article.id(), record.topic(), record.partition(), record.offset(),
                    file);
            done(partition, record.offset() + 1);
        } else {
            long next = lines.append(record.partition(), record.offset(), article, record.timestamp());
            written++;
            written(article);
            if (next >= 0) {
                done(partition, next);
            }
        }
    }

    private void written(EnrichedArticle article) {
        writtenCounter.increment();
        Instant ingested = article.source() == null ? null : article.source().ingestedAt();
        if (ingested != null) {
            endToEnd.record(Duration.between(ingested, Instant.now()).abs());
        }
    }

    /** A record that produced no file: its offset may be committed unless an earlier article is still unpublished. */
    private void skipped(TopicPartition partition, long offset) {
        if (lines == null || lines.firstOpenOffset(partition.partition()) < 0) {
            done(partition, offset + 1);
        }
    }

    private void done(TopicPartition partition, long nextOffset) {
        pending.put(partition, new OffsetAndMetadata(nextOffset));
    }

    private void committable(Map<Integer, Long> byPartition) {
        byPartition.forEach((p, next) -> done(new TopicPartition(Topics.ENRICHED.name(), p), next));
    }

    private void commit() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(pending);
            pending.clear();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Cannot commit {} now (the files are written; a replay rewrites them identically): {}", pending,
                    e.toString());
            pending.keySet().retainAll(consumer.assignment());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            if (lines != null) {
                List<Integer> ours = enrichedPartitions(partitions);
                try {
                    committable(lines.publish(ours));
                } catch (IOException e) {
                    LOG.warn("Cannot finish the open files of {}; the next owner rewrites them: {}", ours, e.toString());
                    lines.abandon(ours);
                }
            }
            try {
                commit();
            } catch (WakeupException stopping) {
                commit(); // close() woke the consumer during a rebalance; the wake-up is spent, commit before leaving
            }
            pending.keySet().removeAll(partitions);
            LOG.info("Partitions revoked: {}", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joined = true;
            LOG.info("Partitions assigned: {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            joined = false;
            if (lines != null) {
                lines.abandon(enrichedPartitions(partitions));
            }
            pending.keySet().removeAll(partitions);
            LOG.warn("Partitions lost (another sink may own them now; unpublished files dropped): {}", partitions);
        }

        private List<Integer> enrichedPartitions(Collection<TopicPartition> partitions) {
            return partitions.stream().filter(p -> p.topic().equals(Topics.ENRICHED.name()))
                    .map(TopicPartition::partition).toList();
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        broker.close();
        if (thread == null) {
            running = false;
            metrics.close();
            return;
        }
        LOG.info("Stopping the sink");
        running = false;
        stopRequested.countDown();
        KafkaConsumer<byte[], byte[]> created = consumer;
        if (created != null) {
            created.wakeup();
        }
        try {
            if (!stopped.await(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The sink did not stop within {} s", SHUTDOWN_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
    }
}
