package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.TestBroker;
import dev.khabar.sink.SinkConfig;
import dev.khabar.sink.SinkService;

/**
 * The three services on a real in-JVM broker with their metrics endpoints on: the seeds and one re-dropped copy go
 * through, then each service's {@code /metrics} is scraped over HTTP and its counters checked against the run, its
 * readiness turns 200, and every metric the Grafana dashboard queries is found in the scrapes.
 */
class MetricsIT {

    private static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "dashboards", "khabar.json");

    private static TestBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
        broker.createKhabarTopics(3);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void eachServiceServesItsCountersForTheSeedsAndTurnsReady(@TempDir Path workdir) throws Exception {
        List<String> common = List.of("--workdir=" + workdir, "--bootstrap.servers=" + broker.bootstrapServers(),
                "--application.id=" + TestBroker.uniqueId("enrich"), "--group.id=" + TestBroker.uniqueId("sink"),
                "--min.file.age.ms=0", "--poll.interval.ms=100");
        int[] ports = freePorts(3);
        EnrichConfig enrichConfig = EnrichConfig.load(Map.of(), own(EnrichConfig.DEFINITION, common, ports[1]));
        SinkConfig sinkConfig = SinkConfig.load(Map.of(), own(SinkConfig.DEFINITION, common, ports[2]));
        IngestConfig ingestConfig = IngestConfig.load(Map.of(), own(IngestConfig.DEFINITION, common, ports[0]));
        try (EnrichService enrich = new EnrichService(enrichConfig, EnrichmentSteps.standard());
             SinkService sink = new SinkService(sinkConfig);
             IngestService ingest = new IngestService(ingestConfig, Clock.systemUTC())) {
            assertFalse(enrich.health().ready().up(), "not ready before it starts");
            assertFalse(sink.health().ready().up(), "not ready before it starts");
            assertFalse(ingest.health().ready().up(), "not ready before it starts");
            enrich.start();
            sink.start();
            ingest.start();
            Map<String, Integer> services = new LinkedHashMap<>();
            services.put("ingest", ports[0]);
            services.put("enrich", ports[1]);
            services.put("sink", ports[2]);
            services.forEach((service, port) -> await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(port, "/health/ready").statusCode() == 200));
            for (int port : ports) {
                HttpResponse<String> live = get(port, "/health/live");
                assertEquals(200, live.statusCode());
                assertTrue(live.body().startsWith("{\"status\":\"UP\""), live.body());
            }

            Path inbox = workdir.resolve("inbox");
            long bytes = 0;
            for (Path seed : PipelineFixture.seeds()) {
                PipelineFixture.drop(seed, inbox, seed.getFileName().toString());
                bytes += Files.size(seed);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> PipelineFixture.list(workdir.resolve("out")).size() == 5);
            Path copy = PipelineFixture.seeds().get(3);
            PipelineFixture.drop(copy, inbox, "copy of " + copy.getFileName());
            bytes += Files.size(copy);
            await().atMost(Duration.ofSeconds(60)).until(() -> broker.readAll(Topics.DUPLICATES.name()).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> PipelineFixture.list(workdir.resolve("done")).size() == 6);

            Scrape ingested = scrape(ports[0]);
            assertEquals(6, ingested.value("khabar_ingest_files_seen_total{service=\"ingest\"}"));
            assertEquals(6, ingested.value("khabar_ingest_files_published_total{service=\"ingest\"}"));
            assertEquals(6, ingested.value("khabar_ingest_records_published_total{service=\"ingest\"}"));
            assertEquals(bytes, ingested.value("khabar_ingest_published_bytes_total{service=\"ingest\"}"));
            assertEquals(0, ingested.sum("khabar_ingest_files_failed_total"));
            assertTrue(ingested.sum("kafka_producer_record_send_total") >= 6, "producer metrics are bound");

            Scrape enriched = scrape(ports[1]);
            double unique = enriched.value("khabar_enrich_articles_enriched_total{service=\"enrich\"}");
            assertEquals(5, unique);
            assertEquals(1, enriched.value("khabar_enrich_duplicates_total{kind=\"exact\",service=\"enrich\"}"));
            assertEquals(0, enriched.value("khabar_enrich_duplicates_total{kind=\"near\",service=\"enrich\"}"));
            assertEquals(ingested.value("khabar_ingest_records_published_total{service=\"ingest\"}"),
                    unique + enriched.sum("khabar_enrich_duplicates_total"), "every published article is accounted for");
            assertEquals(0, enriched.sum("khabar_enrich_dlq_records_total"));
            assertEquals(5, enriched.value("khabar_enrich_articles_language_total{language=\"ar\",service=\"enrich\"}"));
            assertEquals(5, enriched.value("khabar_enrich_entities_count{service=\"enrich\"}"));
            assertTrue(enriched.value("khabar_enrich_entities_sum{service=\"enrich\"}") >= 15, "at least 3 entities each");
            for (String step : List.of("extract", "dedup")) {
                assertEquals(6, enriched.value("khabar_enrich_step_seconds_count{service=\"enrich\",step=\"" + step + "\"}"), step);
            }
            for (String step : List.of("langid", "ner")) {
                assertEquals(5, enriched.value("khabar_enrich_step_seconds_count{service=\"enrich\",step=\"" + step + "\"}"), step);
            }
            assertTrue(enriched.names().stream().anyMatch(n -> n.startsWith("kafka_stream_")), "Streams metrics are bound");

            await().atMost(Duration.ofSeconds(10)).until(
                    () -> scrape(ports[2]).value("khabar_sink_consumer_lag_records{service=\"sink\"}") == 0);
            Scrape written = scrape(ports[2]);
            assertEquals(5, written.value("khabar_sink_records_written_total{service=\"sink\"}"));
            assertEquals(5, written.value("khabar_sink_end_to_end_latency_seconds_count{service=\"sink\"}"));
            assertTrue(written.value("khabar_sink_end_to_end_latency_seconds_sum{service=\"sink\"}") > 0);
            assertTrue(written.sum("kafka_consumer_fetch_manager_records_consumed_total") >= 5, "consumer metrics are bound");

            Set<String> scraped = new TreeSet<>();
            Path saved = Files.createDirectories(Path.of("target", "metrics-it"));
            for (Scrape s : List.of(ingested, enriched, written)) {
                scraped.addAll(s.names());
            }
            Files.writeString(saved.resolve("ingest.prom"), ingested.text());
            Files.writeString(saved.resolve("enrich.prom"), enriched.text());
            Files.writeString(saved.resolve("sink.prom"), written.text());
            Map<String, Set<String>> missing = new LinkedHashMap<>();
            DashboardQueries.read(DASHBOARD).forEach((panel, expressions) -> {
                for (String expression : expressions) {
                    for (String metric : DashboardQueries.metricNames(expression)) {
                        if (!scraped.contains(metric)) {
                            missing.computeIfAbsent(panel, p -> new TreeSet<>()).add(metric);
                        }
                    }
                }
            });
            assertEquals(Map.of(), missing, "dashboard panels query metrics no service exposes");
        }
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Scrape scrape(int port) {
        HttpResponse<String> response = get(port, "/metrics");
        assertEquals(200, response.statusCode());
        return new Scrape(response.body());
    }

    /** The sample lines of one Prometheus text scrape. */
    private record Scrape(String text) {

        /** The value of one series, given as it is printed: {@code name{label="v",...}}. */
        double value(String series) {
            for (String line : text.split("\n")) {
                if (line.startsWith(series + " ")) {
                    return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
                }
            }
            throw new AssertionError(series + " not in the scrape:\n" + text);
        }

        /** The sum over every series of a metric name; fails if there is none. */
        double sum(String name) {
            double total = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    found = true;
                    String[] parts = line.substring(line.lastIndexOf('}') + 1).trim().split(" ");
                    total += Double.parseDouble(parts[0]);
                }
            }
            if (!found) {
                throw new AssertionError(name + " not in the scrape:\n" + text);
            }
            return total;
        }

        Set<String> names() {
            Set<String> names = new TreeSet<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int end = line.indexOf('{');
                    names.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')));
                }
            }
            return names;
        }
    }

    private static List<String> own(ConfigDef def, List<String> args, int metricsPort) {
        List<String> own = new ArrayList<>(LocalStack.own(def, args));
        own.add("--metrics.port=" + metricsPort);
        return own;
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
