package dev.khabar.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceHeaders;
import dev.khabar.model.Topics;

/** Publishes raw articles to {@code articles.raw} with an idempotent, {@code acks=all} producer. */
final class ArticlePublisher implements AutoCloseable {

    private final Producer<String, RawArticle> producer;
    private final Duration ackTimeout;

    ArticlePublisher(Map<String, Object> clientProperties, Duration ackTimeout) {
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "khabar-ingest");
        this.producer = new KafkaProducer<>(props, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        this.ackTimeout = ackTimeout;
    }

    /**
     * Sends every article and waits until the broker acknowledged all of them.
     *
     * @throws PublishException if any was not acknowledged; none of the file may then be taken as published
     */
    List<RecordMetadata> publishAll(List<RawArticle> articles) throws PublishException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(articles.size());
        try {
            for (RawArticle article : articles) {
                sent.add(producer.send(new ProducerRecord<>(Topics.RAW.name(), null, article.id(), article,
                        headers(article))));
            }
            List<RecordMetadata> acked = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> future : sent) {
                acked.add(future.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            return acked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new PublishException("The broker did not accept the record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("No acknowledgement from the broker within " + ackTimeout, e);
        } catch (KafkaException e) {
            throw new PublishException("Cannot send to " + Topics.RAW.name() + ": " + e.getMessage(), e);
        }
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

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The broker is unreachable or refused a record: an I/O condition, retried later; the file stays. */
    static final class PublishException extends Exception {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
