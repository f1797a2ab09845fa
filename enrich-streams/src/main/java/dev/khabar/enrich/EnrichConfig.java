package dev.khabar.enrich;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.CommonSettings;
import dev.khabar.model.ConfigLoader;
import dev.khabar.model.Topics;

/** The enrich-streams service's settings, parsed and validated once at start-up. */
public record EnrichConfig(CommonSettings common, String applicationId, Path stateDir, int streamThreads,
                           Duration dedupRetention, Duration brokerUnreachableTimeout, boolean nerContext) {

    public static final String APPLICATION_ID_CONFIG = "application.id";
    public static final String APPLICATION_ID_DOC = "Kafka Streams application id; a new id re-enriches articles.raw from the start.";
    public static final String STATE_DIR_CONFIG = "state.dir";
    public static final String STATE_DIR_DOC = "Folder for Streams state stores; default WORKDIR/state.";
    public static final String STREAM_THREADS_CONFIG = "stream.threads";
    public static final String STREAM_THREADS_DOC = "Stream threads in this instance.";
    public static final String DEDUP_RETENTION_MS_CONFIG = "dedup.retention.ms";
    public static final String DEDUP_RETENTION_MS_DOC = "How long an article stays in the duplicate index, by ingest time.";
    public static final String NER_CONTEXT_CONFIG = "ner.context";
    public static final String NER_CONTEXT_DOC = "English and French entity models that read contextual word vectors "
            + "(more accurate, about 25 times slower on those languages); false uses the faster models without them.";

    public static final ConfigDef DEFINITION = BrokerWatch.define(CommonSettings.define(new ConfigDef()))
            .define(APPLICATION_ID_CONFIG, ConfigDef.Type.STRING, "khabar-enrich", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, APPLICATION_ID_DOC)
            .define(STATE_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, STATE_DIR_DOC)
            .define(STREAM_THREADS_CONFIG, ConfigDef.Type.INT, 1, ConfigDef.Range.between(1, 64),
                    ConfigDef.Importance.MEDIUM, STREAM_THREADS_DOC)
            .define(DEDUP_RETENTION_MS_CONFIG, ConfigDef.Type.LONG, Duration.ofDays(7).toMillis(),
                    ConfigDef.Range.atLeast(1000), ConfigDef.Importance.MEDIUM, DEDUP_RETENTION_MS_DOC)
            .define(NER_CONTEXT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM, NER_CONTEXT_DOC);

    public static EnrichConfig load(Map<String, String> env, List<String> args) {
        Map<String, Object> values = ConfigLoader.load(DEFINITION, env, args);
        CommonSettings common = CommonSettings.from(values, env);
        String stateDir = (String) values.get(STATE_DIR_CONFIG);
        return new EnrichConfig(common, (String) values.get(APPLICATION_ID_CONFIG),
                stateDir != null ? Path.of(stateDir).toAbsolutePath() : common.workdir().resolve("state"),
                (Integer) values.get(STREAM_THREADS_CONFIG), Duration.ofMillis((Long) values.get(DEDUP_RETENTION_MS_CONFIG)),
                BrokerWatch.unreachableTimeout(values), (Boolean) values.get(NER_CONTEXT_CONFIG));
    }

    /** Streams properties: every KAFKA_* setting, then Khabar's, with exactly-once and the dead-letter topic. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(common.kafka());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ.name());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // large pages pass through the internal topics too
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Topics.MAX_MESSAGE_BYTES);
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), 2L * Topics.MAX_MESSAGE_BYTES);
        // Transactions v2: a transaction's first batch to a partition is refused with CONCURRENT_TRANSACTIONS while the
        // previous transaction's markers are still being written, and the broker then refuses every later batch
        // already in flight (OutOfOrderSequenceException "Expected sequence 0 for transactions v2 idempotent producer
        // with no existing state", logged as ERROR) until the first is retried. One request in flight per connection
        // sends no later batch before the first is in; a short, capped back-off (default 100 ms doubling to 1 s)
        // keeps the wait for the markers from adding up to seconds at each hop. KAFKA_PRODUCER_* settings override them.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 100);
        // a crashed instance's tasks move after 15 s rather than the 45 s default; KAFKA_SESSION_TIMEOUT_MS overrides
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 15_000);
        if (common.topicReplicationFactor() > 0) {
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) common.topicReplicationFactor());
        }
        return props;
    }
}
