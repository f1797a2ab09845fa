package dev.khabar.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.TopicProvisioner;

/** Watches the inbox on its own thread until closed. */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration COUNTER_LOG_INTERVAL = Duration.ofSeconds(30);

    private final IngestConfig config;
    private final Clock clock;
    private final IngestCounters counters = new IngestCounters();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Checks the folders, creates missing topics and starts watching. */
    public void start() {
        InboxFolders folders = new InboxFolders(config.inbox(), config.done(), config.failed());
        try {
            folders.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the inbox folders under " + config.inbox().getParent(), e);
        }
        try (Admin admin = Admin.create(config.common().clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(60))
                    .ensureTopics(config.common().topicPartitions(), config.common().topicReplicationFactor());
        }
        ArticlePublisher publisher = new ArticlePublisher(config.common().clientProperties(), Duration.ofSeconds(60));
        InboxWatcher watcher = new InboxWatcher(folders,
                new InboxScanner(config.inbox(), config.minFileAge(), config.walkSubfolders(), clock),
                new ArticleDecoder(), publisher, config.maxFileBytes(), clock, counters);
        thread = new Thread(() -> run(watcher, publisher), "khabar-inbox");
        thread.start();
        LOG.info("Watching {} (done: {}, failed: {}) and publishing to {}", config.inbox(), config.done(),
                config.failed(), config.common().bootstrapServers());
    }

    private void run(InboxWatcher watcher, ArticlePublisher publisher) {
        int failures = 0;
        Instant nextCounterLog = clock.instant().plus(COUNTER_LOG_INTERVAL);
        try (publisher) {
            while (stop.getCount() > 0) {
                try {
                    failures = watcher.pass() ? 0 : failures + 1;
                } catch (IOException | UncheckedIOException e) {
                    failures++;
                    LOG.error("Cannot scan the inbox {}: {}", config.inbox(), e.getMessage());
                } catch (RuntimeException e) {
                    failures++;
                    LOG.error("Unexpected failure while ingesting; retrying", e);
                }
                if (!clock.instant().isBefore(nextCounterLog)) {
                    LOG.info("Inbox totals: {}", counters);
                    nextCounterLog = clock.instant().plus(COUNTER_LOG_INTERVAL);
                }
                Duration wait = failures == 0 ? config.pollInterval() : InboxWatcher.backoff(failures, config.pollInterval());
                if (stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LOG.info("Inbox stopped; totals: {}", counters);
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            if (thread != null && !stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("The inbox thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
