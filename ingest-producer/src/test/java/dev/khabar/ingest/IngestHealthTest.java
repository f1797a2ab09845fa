package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
