package dev.khabar.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Khabar's topics explicitly (Khabar never relies on topic auto-creation). */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates every missing topic of {@link Topics#all()}; existing topics are left as they are.
     *
     * @param replicationFactor 0 or less for the broker's default
     */
    public void ensureTopics(int partitions, short replicationFactor) {
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.all()) {
            NewTopic newTopic = new NewTopic(topic.name(), Optional.of(partitions),
                    replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty());
            if (topic.retention() != null) {
                newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis())));
            }
            wanted.add(newTopic);
        }
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.info("Created topic {} with {} partitions", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create Khabar topics: " + e.getMessage(), e);
        }
    }
}
