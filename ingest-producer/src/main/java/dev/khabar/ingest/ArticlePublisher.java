package dev.khabar.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceHeaders;
import dev.khabar.model.Topics;

/**
 * Publishes raw articles to {@code articles.raw} with an idempotent, {@code acks=all} producer. Sending and
 * waiting are separate steps so that many files can be in flight at once.
 */
final class ArticlePublisher implements AutoCloseable {

    private final Producer<String, RawArticle> producer;
    private final Duration ackTimeout;

    /** The records of one file, sent and not yet known to be acknowledged. */
    static final class Sending {
        private final List<Future<RecordMetadata>> futures;
        private final PublishException failedToSend;

        private Sending(List<Future<RecordMetadata>> futures, PublishException failedToSend) {
            this.futures = futures;
            this.failedToSend = failedToSend;
        }
    }

    ArticlePublisher(Producer<String, RawArticle> producer, Duration ackTimeout) {
        this.producer = producer;
        this.ackTimeout = ackTimeout;
    }

    /** Creates the Kafka producer; {@code maxFileBytes} sizes its request limit so big files are not refused here. */
    static ArticlePublisher create(Map<String, Object> clientProperties, long maxFileBytes) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "khabar-ingest");
        // one decoded record can be about three times the file (single-byte Arabic becomes two UTF-8 bytes, then
        // JSON escaping); the broker's max.message.bytes, which applies after compression, still has the last word
        long maxRecord = 3 * maxFileBytes + 64 * 1024;
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, Math.max(1_048_576, maxRecord)));
        props.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, maxRecord + 1_048_576));
        Duration delivery = Duration.ofMillis(((Number) props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue());
        return new ArticlePublisher(new KafkaProducer<>(props, Topics.RAW.keySerde().serializer(),
                Topics.RAW.valueSerde().serializer()), delivery.plusSeconds(30));
    }

    Producer<String, RawArticle> producer() {
        return producer;
    }

    /** Hands one file's records to the producer without waiting. */
    Sending send(List<RawArticle> articles) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(articles.size());
        try {
            for (RawArticle article : articles) {
                sent.add(producer.send(new ProducerRecord<>(Topics.RAW.name(), null, article.id(), article,
                        headers(article))));
            }
            return new Sending(sent, null);
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: the producer was closed (aborted at shutdown)
            return new Sending(sent, new PublishException("Cannot send to " + Topics.RAW.name() + ": " + e.getMessage(), e));
        }
    }

    /**
     * Waits until the broker acknowledged every record of one file.
     *
     * @throws PublishException      if a record was not acknowledged; none of the file may then be taken as published
     * @throws RejectedFileException if the broker can never take a record of it (too large)
     */
    List<RecordMetadata> await(Sending sending) throws PublishException, RejectedFileException {
        List<RecordMetadata> acked = new ArrayList<>(sending.futures.size());
        PublishException failure = sending.failedToSend;
        RejectedFileException rejected = null;
        // wait for every future even after a failure, so nothing of this file is still in flight afterwards
        for (Future<RecordMetadata> future : sending.futures) {
            try {
                acked.add(future.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new PublishException("Interrupted while waiting for the broker", e);
                break;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RecordTooLargeException) {
                    rejected = new RejectedFileException(RejectReason.TOO_LARGE, "The broker refuses a record this "
                            + "large (max.message.bytes of " + Topics.RAW.name() + "): " + cause.getMessage(), cause);
                } else if (failure == null) {
                    failure = new PublishException("The broker did not acknowledge a record: " + cause, cause);
                }
            } catch (TimeoutException e) {
                if (failure == null) {
                    failure = new PublishException("No acknowledgement from the broker within " + ackTimeout, e);
                }
            }
        }
        if (rejected != null) {
            throw rejected;
        }
        if (failure != null) {
            throw failure;
        }
        return acked;
    }

    private static RecordHeaders headers(RawArticle article) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SourceHeaders.FILE_NAME, article.source().fileName().getBytes(StandardCharsets.UTF_8));
        headers.add(SourceHeaders.SHA256, article.source().sha256().getBytes(StandardCharsets.UTF_8));
        headers.add(SourceHeaders.CONTENT_TYPE, article.source().contentType().getBytes(StandardCharsets.UTF_8));
        headers.add(SourceHeaders.CHARSET, article.source().charset().getBytes(StandardCharsets.UTF_8));
        headers.add(SourceHeaders.INGESTED_AT, article.source().ingestedAt().toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** Closes the producer at once, failing every send in flight; safe from another thread. */
    void abort() {
        producer.close(Duration.ZERO);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The broker is unreachable or did not acknowledge: an I/O condition, retried later; the file stays. */
    static final class PublishException extends Exception {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
