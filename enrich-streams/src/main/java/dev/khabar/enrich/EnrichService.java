package dev.khabar.enrich;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.TopicProvisioner;

/** Runs the enrichment topology; {@link #close()} stops it gracefully. */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final EnrichConfig config;
    private final KafkaStreams streams;

    public EnrichService(EnrichConfig config, EnrichmentSteps steps) {
        this.config = config;
        this.streams = new KafkaStreams(EnrichTopology.build(config.common().topicPartitions(), steps, Clock.systemUTC(),
                config.dedupRetention()),
                config.streamsProperties());
        streams.setStateListener((now, before) -> LOG.info("Enrich streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Creates the topics if they are missing and starts processing. */
    public void start() {
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

    @Override
    public void close() {
        LOG.info("Stopping enrich-streams");
        // leave the group so a restarted instance gets its tasks at once instead of after the session timeout
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(SHUTDOWN_TIMEOUT));
    }
}
