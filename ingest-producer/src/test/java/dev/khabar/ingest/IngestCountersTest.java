package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class IngestCountersTest {

    @Test
    void countersAreReadableOverJmx() throws Exception {
        IngestCounters counters = new IngestCounters();
        counters.seen();
        counters.seen();
        counters.published(3, 120);
        counters.failed(RejectReason.NOT_TEXT);
        ObjectName name = IngestService.registerMBean(counters, Path.of("/tmp/some inbox"));
        assertNotNull(name);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            assertEquals(2L, server.getAttribute(name, "SeenFiles"));
            assertEquals(1L, server.getAttribute(name, "PublishedFiles"));
            assertEquals(3L, server.getAttribute(name, "PublishedRecords"));
            assertEquals(120L, server.getAttribute(name, "PublishedBytes"));
            assertEquals(Map.of("not_text", 1L), server.getAttribute(name, "FailedByReason"));
        } finally {
            IngestService.unregisterMBean(name);
        }
        assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
    }

    @Test
    void logLineNamesEveryCounter() {
        IngestCounters counters = new IngestCounters();
        counters.seen();
        counters.published(1, 10);
        counters.failed(RejectReason.EMPTY);
        counters.retried();
        counters.reclaimed(2);
        assertEquals("seen=1 published_files=1 published_records=1 published_bytes=10 failed=1 {empty=1}"
                + " publish_retries=1 reclaimed=2", counters.toString());
    }
}
