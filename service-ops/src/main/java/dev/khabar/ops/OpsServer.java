package dev.khabar.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The JDK's HTTP server on one port: {@code GET /metrics} (Prometheus text format), {@code GET /health/live} and
 * {@code GET /health/ready} (200 or 503 with a short JSON body).
 */
final class OpsServer implements AutoCloseable {

    static final String METRICS_PATH = "/metrics";
    static final String LIVE_PATH = "/health/live";
    static final String READY_PATH = "/health/ready";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on every interface at {@code port} (0: a free port, see {@link #port()}). */
    static OpsServer start(String service, int port, PrometheusMeterRegistry registry, Health health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the metrics and health endpoints of " + service + " on port "
                    + port + " (metrics.port): " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "khabar-" + service + "-ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(METRICS_PATH, exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry::scrape));
        server.createContext(LIVE_PATH, exchange -> probe(exchange, health::live));
        server.createContext(READY_PATH, exchange -> probe(exchange, health::ready));
        server.start();
        OpsServer ops = new OpsServer(server, executor);
        LOG.info("Serving {} metrics on :{}{} and health on :{}{} and :{}{}", service, ops.port(), METRICS_PATH,
                ops.port(), LIVE_PATH, ops.port(), READY_PATH);
        return ops;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void probe(HttpExchange exchange, Supplier<HealthStatus> probe) throws IOException {
        HealthStatus status;
        try {
            status = probe.get();
        } catch (RuntimeException e) {
            status = HealthStatus.down("probe failed: " + e);
        }
        HealthStatus answer = status;
        respond(exchange, answer.httpStatus(), "application/json", answer::json);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Supplier<String> body)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (head) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
