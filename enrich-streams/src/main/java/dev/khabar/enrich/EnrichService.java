package dev.khabar.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.TopicProvisioner;
import dev.khabar.ops.Health;
import dev.khabar.ops.HealthStatus;
import dev.khabar.ops.ServiceMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/**
 * Runs the enrichment topology; {@link #close()} stops it gracefully. {@link #start()} waits (live, not ready) until the
 * broker resolves and answers, and readiness fails while the broker stays unreachable, which Streams alone does not
 * show (it stays RUNNING).
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final EnrichConfig config;
    private final Topology topology;
    private final Properties streamsProperties;
    private final BrokerWatch broker;
    private final ServiceMetrics metrics = new ServiceMetrics("enrich");
    private final Object lifecycle = new Object();
    private volatile KafkaStreams streams;
    private volatile boolean closed;

    public EnrichService(EnrichConfig config, EnrichmentSteps steps) {
        this.config = config;
        EnrichMetrics enrichMetrics = new EnrichMetrics(metrics.registry());
        this.streamsProperties = config.streamsProperties();
        streamsProperties.put(EnrichMetrics.CONFIG, enrichMetrics);
        this.topology = EnrichTopology.build(config.common().topicPartitions(), steps, Clock.systemUTC(),
                config.dedupRetention(), enrichMetrics);
        this.broker = new BrokerWatch("enrich", config.common().clientProperties(), config.brokerUnreachableTimeout());
    }

    /**
     * Serves the health endpoints, waits until the broker answers (logging a warning per attempt), creates the topics
     * if they are missing and starts processing. Returns early if {@link #close()} is called while it waits.
     */
    public void start() {
        metrics.serve(config.common().metricsPort(), health());
        broker.start();
        try {
            if (!broker.awaitAnswer()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (Admin admin = Admin.create(config.common().clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(60))
                    .ensureTopics(config.common().topicPartitions(), config.common().topicReplicationFactor());
        }
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            KafkaStreams created = new KafkaStreams(topology, streamsProperties);
            created.setStateListener((now, before) -> LOG.info("Enrich streams {} -> {}", before, now));
            created.setUncaughtExceptionHandler(e -> {
                LOG.error("Stream thread failed; replacing it", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            metrics.bind(new KafkaStreamsMetrics(created));
            streams = created;
            LOG.info("Starting enrich-streams {} as application {} on {}, state in {}", PipelineVersion.VERSION,
                    config.applicationId(), config.common().bootstrapServers(), config.stateDir());
            created.start();
        }
    }

    /** The state of Kafka Streams; {@code CREATED} while {@link #start()} waits for the broker. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.CREATED : running.state();
    }

    /** The meters of this service (also served on {@code metrics.port}). */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /**
     * Live unless Streams failed or stopped (waiting for the broker is live); ready when Streams is RUNNING (connected,
     * tasks assigned and restored) and the broker has not been unreachable for {@code broker.unreachable.timeout.ms}.
     */
    public Health health() {
        Health ofStreams = health(this::state);
        return new Health() {
            @Override
            public HealthStatus live() {
                if (streams == null) {
                    return closed ? HealthStatus.down("stopped") : HealthStatus.up(broker.waiting());
                }
                return ofStreams.live();
            }

            @Override
            public HealthStatus ready() {
                if (streams == null) {
                    return HealthStatus.down(closed ? "stopped" : broker.waiting());
                }
                return broker.unreachable().map(HealthStatus::down).orElseGet(ofStreams::ready);
            }
        };
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
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LOG.info("Stopping enrich-streams");
        broker.close();
        KafkaStreams running = streams;
        if (running == null) {
            metrics.close();
            return;
        }
        // leave the group so a restarted instance gets its tasks at once instead of after the session timeout
        running.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(SHUTDOWN_TIMEOUT));
        metrics.close();
    }
}
