package dev.khabar.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.TopicProvisioner;
import dev.khabar.ops.Health;
import dev.khabar.ops.HealthStatus;
import dev.khabar.ops.ServiceMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/** Runs the enrichment topology; {@link #close()} stops it gracefully. */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final ServiceMetrics metrics = new ServiceMetrics("enrich");

    public EnrichService(EnrichConfig config, EnrichmentSteps steps) {
        this.config = config;
        EnrichMetrics enrichMetrics = new EnrichMetrics(metrics.registry());
        Properties props = config.streamsProperties();
        props.put(EnrichMetrics.CONFIG, enrichMetrics);
        this.streams = new KafkaStreams(EnrichTopology.build(config.common().topicPartitions(), steps, Clock.systemUTC(),
                config.dedupRetention(), enrichMetrics),
                props);
        streams.setStateListener((now, before) -> LOG.info("Enrich streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Creates the topics if they are missing and starts processing. */
    public void start() {
        metrics.bind(new KafkaStreamsMetrics(streams));
        metrics.serve(config.common().metricsPort(), health());
        try (Admin admin = Admin.create(config.common().clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(60))
                    .ensureTopics(config.common().topicPartitions(), config.common().topicReplicationFactor());
        }
        LOG.info("Starting enrich-streams {} as application {} on {}, state in {}", PipelineVersion.VERSION,
                config.applicationId(), config.common().bootstrapServers(), config.stateDir());
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The meters of this service (also served on {@code metrics.port}). */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Live unless Streams failed or stopped; ready when it is RUNNING (connected, tasks assigned and restored). */
    public Health health() {
        return health(streams::state);
    }

    static Health health(Supplier<KafkaStreams.State> state) {
        return new Health() {
            @Override
            public HealthStatus live() {
                KafkaStreams.State now = state.get();
                return switch (now) {
                    case ERROR, PENDING_ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> HealthStatus.down("streams " + now);
                    default -> HealthStatus.up("streams " + now);
                };
            }

            @Override
            public HealthStatus ready() {
                KafkaStreams.State now = state.get();
                return now == KafkaStreams.State.RUNNING ? HealthStatus.up("streams RUNNING")
                        : HealthStatus.down("streams " + now);
            }
        };
    }

    @Override
    public void close() {
        LOG.info("Stopping enrich-streams");
        // leave the group so a restarted instance gets its tasks at once instead of after the session timeout
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(SHUTDOWN_TIMEOUT));
        metrics.close();
    }
}
