package dev.khabar.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Topics;

/**
 * Reads committed records of {@code articles.enriched} and writes each to a file, committing offsets only after
 * every file of the batch is durable. A crash before the commit rewrites the same files, with the same content.
 */
public final class SinkService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

    private final SinkConfig config;
    private final EnrichedArticleWriter writer;
    private final KafkaConsumer<String, EnrichedArticle> consumer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread thread;

    public SinkService(SinkConfig config) {
        this.config = config;
        this.writer = new EnrichedArticleWriter(config.outDir());
        Map<String, Object> props = config.common().clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-sink");
        this.consumer = new KafkaConsumer<>(props, Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
    }

    public void start() {
        try {
            writer.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + config.outDir(), e);
        }
        consumer.subscribe(List.of(Topics.ENRICHED.name()));
        thread = new Thread(this::run, "khabar-sink");
        thread.start();
        LOG.info("Writing {} from {} to {}", Topics.ENRICHED.name(), config.common().bootstrapServers(), config.outDir());
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, EnrichedArticle> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, EnrichedArticle> record : records) {
                    if (record.value() == null) {
                        continue;
                    }
                    Path file = writeWithRetry(record);
                    LOG.info("Wrote {} from {}-{}@{} to {}", record.value().id(), record.topic(), record.partition(),
                            record.offset(), file);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Sink stopped by an unexpected failure; uncommitted records will be rewritten on restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /** An I/O failure is retried (the disk may come back); the offset is not committed until it succeeds. */
    private Path writeWithRetry(ConsumerRecord<String, EnrichedArticle> record) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.write(record.value());
            } catch (IOException e) {
                LOG.error("Cannot write {} from {}-{}@{} (attempt {}): {}", record.value().id(), record.topic(),
                        record.partition(), record.offset(), attempt, e.toString());
                if (!running) {
                    throw new WakeupException();
                }
                TimeUnit.MILLISECONDS.sleep(Math.min(30_000, 500L * attempt));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (thread != null && !stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("The sink did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
