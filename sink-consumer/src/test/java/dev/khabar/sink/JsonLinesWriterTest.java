package dev.khabar.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.Json;

class JsonLinesWriterTest {

    private static final Instant DAY1 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-24T00:30:00Z");

    private static String id(int n) {
        return String.format("%024d", n);
    }

    private static JsonLinesWriter writer(Path out, long rollBytes) {
        return new JsonLinesWriter(out, rollBytes, Duration.ofHours(1), Clock.fixed(DAY1, ZoneOffset.UTC));
    }

    @Test
    void publishesAFileNamedByPartitionAndFirstOffsetOnlyWhenItIsFull(@TempDir Path out) throws Exception {
        long single = Json.mapper().writeValueAsString(Articles.article(id(1), "x")).length() + 1;
        JsonLinesWriter writer = writer(out, 3 * single);
        assertEquals(-1, writer.append(2, 40, Articles.article(id(1), "x"), 0));
        assertEquals(-1, writer.append(2, 42, Articles.article(id(2), "x"), 0));
        assertEquals(List.of(), published(out), "nothing is visible before the file is complete");
        assertEquals(45, writer.append(2, 44, Articles.article(id(3), "x"), 0));
        Path file = out.resolve("2026/11/23/enriched-2-40.jsonl");
        assertEquals(List.of(file), published(out));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(id(2), Json.mapper().readTree(lines.get(1)).path("id").asText());
        assertEquals(List.of(), hidden(out), "no temporary file is left behind");
    }

    @Test
    void startsANewFileWhenTheIngestDayChanges(@TempDir Path out) throws Exception {
        JsonLinesWriter writer = writer(out, 1 << 20);
        writer.append(0, 5, Articles.article(id(1), "x", "ar", DAY1), 0);
        assertEquals(6, writer.append(0, 6, Articles.article(id(2), "x", "ar", DAY2), 0));
        assertEquals(Map.of(0, 7L), writer.publish(List.of(0)));
        assertEquals(List.of(out.resolve("2026/11/23/enriched-0-5.jsonl"), out.resolve("2026/11/24/enriched-0-6.jsonl")),
                published(out));
    }

    @Test
    void publishesFilesOlderThanTheTimeLimit(@TempDir Path out) throws Exception {
        MutableClock clock = new MutableClock(DAY1);
        JsonLinesWriter writer = new JsonLinesWriter(out, 1 << 20, Duration.ofSeconds(10), clock);
        writer.append(1, 0, Articles.article(id(1), "x"), 0);
        clock.now = DAY1.plusSeconds(9);
        assertEquals(Map.of(), writer.publishDue());
        clock.now = DAY1.plusSeconds(10);
        assertEquals(Map.of(1, 1L), writer.publishDue());
        assertEquals(List.of(out.resolve("2026/11/23/enriched-1-0.jsonl")), published(out));
    }

    @Test
    void aReplayAfterACrashBeforeTheCommitRewritesTheSameFileIdentically(@TempDir Path out) throws Exception {
        MutableClock clock = new MutableClock(DAY1);
        JsonLinesWriter first = new JsonLinesWriter(out, 1 << 20, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 4; i++) {
            first.append(0, 100 + i, Articles.article(id(i), "body " + i), 0);
        }
        clock.now = DAY1.plusSeconds(10);
        assertEquals(Map.of(0, 104L), first.publishDue());
        Path file = out.resolve("2026/11/23/enriched-0-100.jsonl");
        byte[] before = Files.readAllBytes(file);

        // the offsets were never committed: a new sink reads from 100 again, with more records after the file's end
        JsonLinesWriter replay = new JsonLinesWriter(out, 1 << 20, Duration.ofMillis(10), clock);
        long committed = -1;
        for (int i = 0; i < 6 && committed < 0; i++) {
            committed = replay.append(0, 100 + i, Articles.article(id(i), "body " + i), 0);
        }
        assertEquals(104, committed, "the rewrite ends where the published file ended");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "same bytes");
        clock.now = DAY1.plusSeconds(3600);
        assertEquals(Map.of(), replay.publishDue(), "nothing else is open");
    }

    @Test
    void anUnfinishedRewriteIsDroppedOnHandOverAndTheExistingFileKept(@TempDir Path out) throws Exception {
        JsonLinesWriter first = writer(out, 1 << 20);
        first.append(0, 0, Articles.article(id(1), "a"), 0);
        first.append(0, 1, Articles.article(id(2), "b"), 0);
        assertEquals(Map.of(0, 2L), first.publish(List.of(0)));
        Path file = out.resolve("2026/11/23/enriched-0-0.jsonl");
        byte[] before = Files.readAllBytes(file);

        JsonLinesWriter replay = writer(out, 1 << 20);
        replay.append(0, 0, Articles.article(id(1), "a"), 0);
        assertEquals(Map.of(), replay.publish(List.of(0)), "nothing may be committed");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        assertEquals(List.of(), hidden(out));
    }

    @Test
    void abandonDeletesTheTemporaryFile(@TempDir Path out) throws Exception {
        JsonLinesWriter writer = writer(out, 1 << 20);
        writer.append(0, 0, Articles.article(id(1), "a"), 0);
        assertEquals(0, writer.firstOpenOffset(0));
        assertFalse(hidden(out).isEmpty());
        writer.abandon(List.of(0));
        assertEquals(-1, writer.firstOpenOffset(0));
        assertEquals(List.of(), hidden(out));
        assertEquals(List.of(), published(out));
    }

    private static List<Path> published(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static List<Path> hidden(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
