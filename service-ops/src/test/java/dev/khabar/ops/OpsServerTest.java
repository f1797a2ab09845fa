package dev.khabar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final Health health = new Health() {
        @Override
        public HealthStatus live() {
            return HealthStatus.up("thread running");
        }

        @Override
        public HealthStatus ready() {
            return ready.get() ? HealthStatus.up("streams RUNNING") : HealthStatus.down("streams REBALANCING");
        }
    };

    @Test
    void readinessAnswers503UntilTheServiceIsReadyThen200() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (OpsServer server = OpsServer.start("test", 0, registry, health)) {
            HttpResponse<String> before = get(server, OpsServer.READY_PATH, "GET");
            assertEquals(503, before.statusCode());
            assertEquals("{\"status\":\"DOWN\",\"detail\":\"streams REBALANCING\"}", before.body());
            assertEquals("application/json", before.headers().firstValue("Content-Type").orElse(""));
            ready.set(true);
            HttpResponse<String> after = get(server, OpsServer.READY_PATH, "GET");
            assertEquals(200, after.statusCode());
            assertEquals("{\"status\":\"UP\",\"detail\":\"streams RUNNING\"}", after.body());
            assertEquals(200, get(server, OpsServer.LIVE_PATH, "GET").statusCode());
        }
    }

    @Test
    void metricsAnswersThePrometheusTextOfTheRegistry() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("khabar.test.files", "reason", "empty").increment(3);
        try (OpsServer server = OpsServer.start("test", 0, registry, health)) {
            HttpResponse<String> response = get(server, OpsServer.METRICS_PATH, "GET");
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("khabar_test_files_total{reason=\"empty\"} 3.0"), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        }
    }

    @Test
    void aProbeThatThrowsAnswersDownWithTheError() throws Exception {
        Health broken = new Health() {
            @Override
            public HealthStatus live() {
                throw new IllegalStateException("consumer closed");
            }

            @Override
            public HealthStatus ready() {
                return live();
            }
        };
        try (OpsServer server = OpsServer.start("test", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), broken)) {
            HttpResponse<String> response = get(server, OpsServer.LIVE_PATH, "GET");
            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("consumer closed"), response.body());
        }
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        try (OpsServer server = OpsServer.start("test", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), health)) {
            assertEquals(405, get(server, OpsServer.METRICS_PATH, "POST").statusCode());
            assertEquals(404, get(server, OpsServer.LIVE_PATH + "/more", "GET").statusCode());
            assertEquals(404, get(server, "/", "GET").statusCode());
        }
    }

    @Test
    void aPortInUseIsAClearError() {
        try (OpsServer first = OpsServer.start("first", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), health)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> OpsServer.start("second",
                    first.port(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), health));
            assertTrue(e.getMessage().contains("second") && e.getMessage().contains("port " + first.port())
                    && e.getMessage().contains("metrics.port"), e.getMessage());
        }
    }

    private HttpResponse<String> get(OpsServer server, String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
