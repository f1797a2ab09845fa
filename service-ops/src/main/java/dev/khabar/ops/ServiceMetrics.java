package dev.khabar.ops;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One service's meters: a Prometheus registry with the JVM's meters and a {@code service} tag on every meter, the
 * binders added to it (Kafka client metrics and the like, closed with it), and, when a port is given, the
 * {@code /metrics} and {@code /health} endpoints.
 */
public final class ServiceMetrics implements AutoCloseable {

    public static final String SERVICE_TAG = "service";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

    private final String service;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private OpsServer server;

    public ServiceMetrics(String service) {
        this.service = service;
        registry.config().commonTags(Tags.of(SERVICE_TAG, service));
        for (MeterBinder binder : new MeterBinder[] {new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics()}) {
            bind(binder);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Binds {@code binder} to the registry; it is closed with this object if it is {@link AutoCloseable}. */
    public <B extends MeterBinder> B bind(B binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            closeables.push(closeable);
        }
        return binder;
    }

    /** The current values in the Prometheus text format, as {@code GET /metrics} answers. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Starts the endpoints on {@code port}; 0 leaves them off.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public void serve(int port, Health health) {
        if (port > 0 && server == null) {
            server = OpsServer.start(service, port, registry, health);
        }
    }

    /** The port the endpoints listen on, or 0 when they are off. */
    public int port() {
        return server == null ? 0 : server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                LOG.debug("Cannot close a meter binder of {}: {}", service, e.toString());
            }
        }
        registry.close();
    }
}
