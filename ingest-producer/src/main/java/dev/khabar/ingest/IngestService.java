package dev.khabar.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.TopicProvisioner;
import dev.khabar.ops.Health;
import dev.khabar.ops.HealthStatus;
import dev.khabar.ops.ServiceMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Watches the inbox on its own thread until closed. Start-up checks the folders and puts back files an earlier run
 * left in {@code .processing/}; creating the topics and publishing are retried with back-off while the broker is
 * unreachable, so the files simply wait in the inbox.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final Clock clock;
    private final IngestCounters counters = new IngestCounters();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ServiceMetrics metrics = new ServiceMetrics("ingest");
    /** The topics exist and the last pass reached the broker. */
    private volatile boolean brokerReachable;
    private ScheduledExecutorService counterLog;
    private ObjectName mbean;
    private InboxFolders folders;
    /** Built by the inbox thread once the topics exist (a Kafka client cannot be built while its name does not resolve). */
    private volatile InboxWatcher watcher;
    private volatile ArticlePublisher publisher;
    private Thread thread;

    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Checks the folders, reclaims interrupted files and starts watching; topics are created on the way. */
    public void start() {
        folders = prepareFolders(config, counters);
        mbean = registerMBean(counters, config.inbox());
        metrics.bind(counters);
        metrics.serve(config.common().metricsPort(), health());
        counterLog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khabar-inbox-counters");
            t.setDaemon(true);
            return t;
        });
        long every = config.countersLogInterval().toMillis();
        counterLog.scheduleAtFixedRate(() -> LOG.info("Inbox totals: {}", counters), every, every, TimeUnit.MILLISECONDS);
        thread = new Thread(this::run, "khabar-inbox");
        thread.start();
        LOG.info("Watching {} (done: {}, failed: {}) and publishing to {}", config.inbox(), config.done(),
                config.failed(), config.common().bootstrapServers());
    }

    /** True while the inbox thread runs. */
    public boolean isRunning() {
        return thread != null && thread.isAlive() && stopped.getCount() > 0;
    }

    IngestCounters counters() {
        return counters;
    }

    /** The meters of this service (also served on {@code metrics.port}). */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Live while the inbox thread runs; ready once the topics exist and the last pass reached the broker. */
    public Health health() {
        return new Health() {
            @Override
            public HealthStatus live() {
                if (thread == null) {
                    return HealthStatus.up("starting");
                }
                return isRunning() ? HealthStatus.up("inbox thread running") : HealthStatus.down("inbox thread stopped");
            }

            @Override
            public HealthStatus ready() {
                if (!isRunning()) {
                    return HealthStatus.down(thread == null ? "starting" : "inbox thread stopped");
                }
                return brokerReachable ? HealthStatus.up("publishing to " + config.common().bootstrapServers())
                        : HealthStatus.down("cannot reach the broker " + config.common().bootstrapServers()
                        + " yet; files wait in the inbox");
            }
        };
    }

    static InboxFolders prepareFolders(IngestConfig config, IngestCounters counters) {
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))) {
            LOG.warn("File names are decoded as {}, not UTF-8: names outside ASCII may not be readable; run with "
                    + "LANG=C.UTF-8", System.getProperty("sun.jnu.encoding"));
        }
        InboxFolders folders = new InboxFolders(config.inbox(), config.done(), config.failed());
        try {
            folders.prepare();
            List<Path> reclaimed = folders.reclaim();
            if (!reclaimed.isEmpty()) {
                counters.reclaimed(reclaimed.size());
                LOG.warn("Put {} file(s) left in {} by an interrupted run back into the inbox; they are published "
                        + "again under the same ids, and dedup drops any copy already published", reclaimed.size(),
                        config.inbox().resolve(InboxFolders.PROCESSING));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the inbox folders " + config.inbox() + ", " + config.done()
                    + ", " + config.failed() + ": " + e.getMessage(), e);
        }
        return folders;
    }

    static InboxScanner scanner(IngestConfig config, Clock clock) {
        return new InboxScanner(config.inbox(), config.minFileAge(), config.walkSubfolders(),
                Math.max(10_000, config.maxFilesPerPass()), clock);
    }

    static InboxWatcher watcher(IngestConfig config, Clock clock, IngestCounters counters, InboxFolders folders,
                                InboxScanner scanner, ArticlePublisher publisher) {
        return new InboxWatcher(folders, scanner, new ArticleDecoder(), publisher, config.maxFileBytes(),
                config.maxFilesPerPass(), clock, counters, InboxWatcher.NO_FOLLOW);
    }

    /** Creates missing topics; false (logged) if the broker cannot be reached now. */
    static boolean ensureTopics(IngestConfig config) {
        return ensureTopics(config, TOPIC_TIMEOUT);
    }

    /** As {@link #ensureTopics(IngestConfig)}, giving up on the broker after {@code timeout}. */
    static boolean ensureTopics(IngestConfig config, Duration timeout) {
        if (!BrokerWatch.resolves(config.common().bootstrapServers())) {
            LOG.warn("Waiting for the broker {} to resolve (no host name in it resolves yet); files wait in the inbox",
                    config.common().bootstrapServers());
            return false;
        }
        Map<String, Object> props = config.common().clientProperties();
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Admin admin = Admin.create(props);
        try {
            new TopicProvisioner(admin, timeout)
                    .ensureTopics(config.common().topicPartitions(), config.common().topicReplicationFactor());
            return true;
        } catch (RuntimeException e) {
            Throwable refused = refusal(e);
            if (refused != null) {
                LOG.error("Kafka at {} refused Khabar's credentials or permissions (check the KAFKA_SECURITY_PROTOCOL, "
                        + "KAFKA_SASL_* and KAFKA_SSL_* settings); files wait in the inbox: {}",
                        config.common().bootstrapServers(), refused.toString());
            } else {
                LOG.warn("Cannot create the topics on {} yet; files wait in the inbox: {}{}",
                        config.common().bootstrapServers(), e.getMessage(),
                        e.getCause() == null ? "" : " (" + e.getCause() + ")");
            }
            return false;
        } finally {
            // do not wait for calls still pending on an unreachable broker
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The authentication or authorisation failure in {@code e}'s causes, which retrying will not cure; else null. */
    static Throwable refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return t;
            }
        }
        return null;
    }

    /** Builds the producer and the watcher once the topics exist. */
    private void connect() {
        ArticlePublisher created = ArticlePublisher.create(config.common().clientProperties(), config.maxFileBytes());
        metrics.bind(new KafkaClientMetrics(created.producer()));
        publisher = created;
        watcher = watcher(config, clock, counters, folders, scanner(config, clock), created);
    }

    private void run() {
        int failures = 0;
        boolean topicsReady = false;
        try {
            while (stop.getCount() > 0) {
                try {
                    if (!topicsReady) {
                        topicsReady = ensureTopics(config);
                    }
                    if (topicsReady && watcher == null) {
                        connect();
                    }
                    failures = topicsReady && watcher.pass() ? 0 : failures + 1;
                    brokerReachable = failures == 0;
                } catch (IOException | UncheckedIOException e) {
                    failures++;
                    LOG.error("Cannot scan the inbox {}: {}", config.inbox(), e.getMessage());
                } catch (RuntimeException e) {
                    failures++;
                    LOG.error("Unexpected failure while ingesting; retrying", e);
                }
                Duration wait = failures == 0 ? config.pollInterval() : InboxWatcher.backoff(failures, config.pollInterval());
                if (failures > 0) {
                    LOG.debug("Retrying in {} ms", wait.toMillis());
                }
                if (stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (publisher != null) {
                publisher.close();
            }
            LOG.info("Inbox stopped; totals: {}", counters);
            stopped.countDown();
        }
    }

    static ObjectName registerMBean(IngestCounters counters, Path inbox) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("dev.khabar:type=IngestCounters,inbox=" + ObjectName.quote(inbox.toString()));
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(counters, name);
            return name;
        } catch (JMException e) {
            LOG.warn("Cannot expose the inbox counters over JMX: {}", e.toString());
            return null;
        }
    }

    static void unregisterMBean(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("Cannot unregister {}: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        stop.countDown();
        if (watcher != null) {
            watcher.stop();
        }
        try {
            if (thread != null && !stopped.await(10, TimeUnit.SECONDS)) {
                // waiting for a broker that does not answer: abort what is in flight; those files go back
                // into the inbox (or stay in .processing/ to be reclaimed at the next start)
                LOG.warn("The inbox thread is still waiting for the broker after 10 s; aborting the sends in flight");
                if (publisher != null) {
                    publisher.abort();
                }
                if (!stopped.await(10, TimeUnit.SECONDS)) {
                    LOG.warn("The inbox thread did not stop within 20 s");
                }
            }
            if (thread != null) {
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (counterLog != null) {
            counterLog.shutdownNow();
        }
        unregisterMBean(mbean);
        metrics.close();
    }
}
