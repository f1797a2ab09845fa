package dev.khabar.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class IngestHealthTest {

    @Test
    void liveButNotReadyBeforeItStarts(@TempDir Path work) {
        IngestConfig config = IngestConfig.load(Map.of(), List.of("--workdir=" + work));
        try (IngestService service = new IngestService(config, Clock.systemUTC())) {
            assertTrue(service.health().live().up());
            assertFalse(service.health().ready().up());
            assertEquals("starting", service.health().ready().detail());
        }
    }

    @Test
    void countersAreServedUnderTheirPrometheusNamesWithEveryReason(@TempDir Path work) {
        IngestConfig config = IngestConfig.load(Map.of(), List.of("--workdir=" + work));
        try (IngestService service = new IngestService(config, Clock.systemUTC())) {
            IngestCounters counters = service.counters();
            service.metrics().bind(counters);
            counters.seen();
            counters.published(2, 300);
            counters.failed(RejectReason.EMPTY);
            String text = service.metrics().scrape();
            for (String line : List.of("khabar_ingest_files_seen_total{service=\"ingest\"} 1.0",
                    "khabar_ingest_files_published_total{service=\"ingest\"} 1.0",
                    "khabar_ingest_records_published_total{service=\"ingest\"} 2.0",
                    "khabar_ingest_published_bytes_total{service=\"ingest\"} 300.0",
                    "khabar_ingest_files_failed_total{reason=\"empty\",service=\"ingest\"} 1.0",
                    "khabar_ingest_files_failed_total{reason=\"too_large\",service=\"ingest\"} 0.0")) {
                assertTrue(text.contains(line), line + " missing from\n" + text);
            }
        }
    }

    @Test
    void keepsRunningNotReadyAndWarnsWhileTheBrokerNameDoesNotResolve(@TempDir Path work) {
        String nowhere = "kafka-not-there.invalid:9092";
        IngestConfig config = IngestConfig.load(Map.of("KAFKA_BOOTSTRAP_SERVERS", nowhere), List.of("--workdir=" + work,
                "--poll.interval.ms=100"));
        Logger logger = (Logger) LoggerFactory.getLogger(IngestService.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (IngestService service = new IngestService(config, Clock.systemUTC())) {
            service.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> logged.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().startsWith("Waiting for the broker " + nowhere + " to resolve")));
            assertTrue(service.isRunning());
            assertTrue(service.health().live().up());
            assertFalse(service.health().ready().up());
            assertTrue(service.health().ready().detail().contains("cannot reach the broker " + nowhere),
                    service.health().ready().detail());
        } finally {
            logger.detachAppender(logged);
        }
    }
}
