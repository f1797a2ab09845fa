package dev.khabar.model;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers this service. A daemon thread asks it for its nodes ({@code describeCluster}, one
 * small request) every probe interval: a third of the unreachable timeout, at most 10 s, sooner with back-off while
 * it fails. A Streams application or a consumer keeps its state and partitions while the broker is away, so their own
 * state cannot tell; this probe can. No client is built while no bootstrap name resolves (Kafka clients refuse such
 * a {@code bootstrap.servers} when built), and a new one is built after each failure, so a broker that comes back
 * under a new address is found.
 */
public final class BrokerWatch implements AutoCloseable {

    public static final String UNREACHABLE_TIMEOUT_MS_CONFIG = "broker.unreachable.timeout.ms";
    public static final String UNREACHABLE_TIMEOUT_MS_DOC = "How long the broker may go unanswered before "
            + "/health/ready answers 503 (liveness is unaffected); it is probed every third of this, at most every 10 s.";

    static final Duration MAX_INTERVAL = Duration.ofSeconds(10);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);

    private final String service;
    private final String bootstrap;
    private final Map<String, Object> adminProperties;
    private final Duration unreachableTimeout;
    private final Duration interval;
    private final Clock clock;
    private final CountDownLatch answeredOnce = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Instant lastAnswer;
    /** Start of the current run of failed probes (the watch's start before the first answer); null while answered. */
    private volatile Instant failingSince;
    private volatile String problem = "not probed yet";
    private volatile boolean unresolved;
    /** Why the broker refused this service (credentials, permissions), if it did. */
    private volatile String refusal;
    private volatile boolean reportedUnready;
    private Admin admin;
    private Thread thread;

    /**
     * @param clientProperties the service's Kafka client properties (bootstrap, security); an admin client of its own
     *                         is built from them
     * @throws ConfigException if {@code bootstrap.servers} is not a list of host:port
     */
    public BrokerWatch(String service, Map<String, Object> clientProperties, Duration unreachableTimeout) {
        this(service, clientProperties, unreachableTimeout, Clock.systemUTC());
    }

    BrokerWatch(String service, Map<String, Object> clientProperties, Duration unreachableTimeout, Clock clock) {
        this.service = service;
        this.bootstrap = String.valueOf(clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        addresses(bootstrap);
        this.unreachableTimeout = unreachableTimeout;
        this.interval = probeInterval(unreachableTimeout);
        this.clock = clock;
        this.adminProperties = new java.util.HashMap<>(clientProperties);
        adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, "khabar-" + service + "-broker-watch");
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) interval.toMillis());
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) interval.toMillis());
        this.failingSince = clock.instant();
    }

    /** Adds {@value #UNREACHABLE_TIMEOUT_MS_CONFIG} to a service's definition. */
    public static ConfigDef define(ConfigDef def) {
        return def.define(UNREACHABLE_TIMEOUT_MS_CONFIG, ConfigDef.Type.LONG, 30_000L,
                ConfigDef.Range.between(300, 3_600_000), ConfigDef.Importance.MEDIUM, UNREACHABLE_TIMEOUT_MS_DOC);
    }

    public static Duration unreachableTimeout(Map<String, Object> parsed) {
        return Duration.ofMillis((Long) parsed.get(UNREACHABLE_TIMEOUT_MS_CONFIG));
    }

    static Duration probeInterval(Duration unreachableTimeout) {
        Duration third = unreachableTimeout.dividedBy(3);
        return third.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : third;
    }

    /**
     * The host:port entries of a {@code bootstrap.servers} value, resolved or not.
     *
     * @throws ConfigException naming the entry that is not host:port; retrying cannot cure it
     */
    public static List<InetSocketAddress> addresses(String bootstrapServers) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : String.valueOf(bootstrapServers).split(",")) {
            String url = entry.trim();
            if (url.isEmpty()) {
                continue;
            }
            String host = Utils.getHost(url);
            Integer port = Utils.getPort(url);
            if (host == null || host.isEmpty() || port == null || port > 65_535) {
                throw new ConfigException(CommonSettings.BOOTSTRAP_SERVERS_CONFIG + " (or KAFKA_BOOTSTRAP_SERVERS): '"
                        + url + "' is not host:port, e.g. kafka:9092 or [::1]:9092");
            }
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        if (addresses.isEmpty()) {
            throw new ConfigException(CommonSettings.BOOTSTRAP_SERVERS_CONFIG
                    + " (or KAFKA_BOOTSTRAP_SERVERS) names no broker");
        }
        return addresses;
    }

    /** True if at least one bootstrap host name resolves now, as a Kafka client needs to be built. */
    public static boolean resolves(String bootstrapServers) {
        for (InetSocketAddress address : addresses(bootstrapServers)) {
            if (!new InetSocketAddress(address.getHostString(), address.getPort()).isUnresolved()) {
                return true;
            }
        }
        return false;
    }

    /** Starts probing on a daemon thread. */
    public synchronized BrokerWatch start() {
        if (thread == null && closed.getCount() > 0) {
            failingSince = clock.instant();
            thread = new Thread(this::run, "khabar-" + service + "-broker-watch");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /**
     * Blocks until the broker has answered a probe; false if the watch was closed first.
     *
     * @throws IllegalStateException if the broker refused this service's credentials or permissions: waiting cannot
     *                               cure a wrong password, so the service stops with that error instead
     */
    public boolean awaitAnswer() throws InterruptedException {
        while (answeredOnce.getCount() > 0) {
            String refused = refusal;
            if (refused != null) {
                throw new IllegalStateException("The broker " + bootstrap + " refuses " + service + ": " + refused
                        + " (check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG)");
            }
            if (closed.await(100, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** True once the broker has answered a probe (it may have gone away since). */
    public boolean answeredOnce() {
        return answeredOnce.getCount() == 0;
    }

    /**
     * Why the service should not be ready: the broker has not answered for the unreachable timeout or longer (or has
     * never answered within it). Empty while it answers, or has been silent for less than that.
     */
    public Optional<String> unreachable() {
        Instant since = failingSince;
        if (since == null) {
            return Optional.empty();
        }
        Duration silent = Duration.between(since, clock.instant());
        if (silent.compareTo(unreachableTimeout) < 0) {
            return Optional.empty();
        }
        return Optional.of("cannot reach the broker " + bootstrap + " for " + silent.toSeconds() + " s ("
                + UNREACHABLE_TIMEOUT_MS_CONFIG + "=" + unreachableTimeout.toMillis() + "): " + problem);
    }

    /** What a service that waits for its first answer is waiting for, e.g. "waiting for the broker kafka:9092 to resolve". */
    public String waiting() {
        if (answeredOnce()) {
            return "the broker " + bootstrap + " answers; starting";
        }
        Instant since = failingSince;
        return "waiting for the broker " + bootstrap + (unresolved ? " to resolve (" : " to answer (")
                + Duration.between(since == null ? clock.instant() : since, clock.instant()).toSeconds()
                + " s so far): " + problem;
    }

    private void run() {
        int failures = 0;
        try {
            while (closed.getCount() > 0) {
                failures = probe() ? 0 : failures + 1;
                long wait = failures == 0 ? interval.toMillis()
                        : Math.min(interval.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures - 1, 10));
                if (closed.await(wait, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAdmin();
        }
    }

    /** One probe; true if the cluster answered. */
    boolean probe() {
        Instant start = clock.instant();
        String failure;
        try {
            if (admin == null) {
                if (!resolves(bootstrap)) {
                    failed(start, "no host name in it resolves (yet)", true);
                    return false;
                }
                admin = Admin.create(adminProperties);
            }
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) interval.toMillis())).nodes()
                    .get(interval.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            answered(start);
            return true;
        } catch (ExecutionException e) {
            failure = String.valueOf(e.getCause());
            if (e.getCause() instanceof AuthenticationException || e.getCause() instanceof AuthorizationException) {
                refusal = e.getCause().getMessage();
            }
        } catch (TimeoutException e) {
            failure = "no answer within " + interval.toMillis() + " ms";
        } catch (KafkaException e) {
            failure = e.getCause() == null ? e.toString() : e.getMessage() + " (" + e.getCause() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        closeAdmin();
        failed(start, failure, false);
        return false;
    }

    private void answered(Instant at) {
        Instant since = failingSince;
        if (!answeredOnce()) {
            LOG.info("The broker {} answers", bootstrap);
        } else if (since != null) {
            LOG.info("The broker {} answers again after {} s{}", bootstrap, Duration.between(since, at).toSeconds(),
                    reportedUnready ? "; /health/ready follows the service again" : "");
        }
        failingSince = null;
        unresolved = false;
        reportedUnready = false;
        lastAnswer = at;
        answeredOnce.countDown();
    }

    private void failed(Instant at, String why, boolean unresolvedName) {
        problem = why;
        unresolved = unresolvedName;
        if (failingSince == null) {
            failingSince = at;
        }
        long seconds = Duration.between(failingSince, clock.instant()).toSeconds();
        if (lastAnswer == null) {
            LOG.warn("Waiting for the broker {} to {} ({} s so far): {}", bootstrap,
                    unresolvedName ? "resolve" : "answer", seconds, why);
            return;
        }
        boolean unready = unreachable().isPresent();
        LOG.warn("Cannot reach the broker {} for {} s{}: {}", bootstrap, seconds,
                unready && !reportedUnready ? "; /health/ready answers 503 until it is back" : "", why);
        reportedUnready = reportedUnready || unready;
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    @Override
    public void close() {
        closed.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
