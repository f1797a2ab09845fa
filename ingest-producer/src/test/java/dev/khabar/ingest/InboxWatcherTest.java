package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;

class InboxWatcherTest {

    private static final Duration MIN_AGE = Duration.ofSeconds(1);
    private static final long MAX_BYTES = 4096;

    @TempDir
    Path root;
    private Path inbox;
    private Path done;
    private Path failed;
    private InboxFolders folders;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final TestProducer producer = new TestProducer();
    private final IngestCounters counters = new IngestCounters();

    @BeforeEach
    void prepare() throws IOException {
        inbox = root.resolve("inbox");
        done = root.resolve("done");
        failed = root.resolve("failed");
        folders = new InboxFolders(inbox, done, failed);
        folders.prepare();
    }

    private InboxWatcher watcher(int maxFilesPerPass, InboxWatcher.FileOpener opener) {
        return new InboxWatcher(folders, new InboxScanner(inbox, MIN_AGE, true, 20_000, clock), new ArticleDecoder(),
                new ArticlePublisher(producer, Duration.ofSeconds(5)), MAX_BYTES, maxFilesPerPass, clock, counters,
                opener);
    }

    private InboxWatcher watcher() {
        return watcher(500, InboxWatcher.NO_FOLLOW);
    }

    private Path drop(String name, byte[] bytes) throws IOException {
        Path file = inbox.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        return file;
    }

    private Path drop(String name, String text) throws IOException {
        return drop(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs passes (the clock moving on) until a pass succeeds with nothing left; returns the passes run. */
    private int passUntilQuiet(InboxWatcher watcher) throws IOException {
        for (int passes = 1; passes <= 100; passes++) {
            clock.advance(MIN_AGE.multipliedBy(2));
            if (watcher.pass() && watcher.pending() == 0 && passes > 1) {
                return passes;
            }
        }
        throw new AssertionError("the inbox did not drain in 100 passes");
    }

    private List<RawArticle> published() {
        return producer.history().stream().map(ProducerRecord::value).toList();
    }

    private JsonNode errorOf(String name) throws IOException {
        return Json.mapper().readTree(failed.resolve(name + ".error.json").toFile());
    }

    private Set<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void publishesCompleteFileAndMovesItToDoneAfterTheAck() throws IOException {
        drop("news.txt", Samples.ARABIC.getBytes(Charset.forName("windows-1256")));
        InboxWatcher watcher = watcher();
        assertTrue(watcher.pass());
        assertEquals(0, producer.history().size(), "a file is never read on first sight");
        passUntilQuiet(watcher);
        assertEquals(1, published().size());
        RawArticle article = published().get(0);
        assertEquals(Samples.ARABIC, article.content());
        assertEquals("windows-1256", article.source().charset());
        assertEquals("news.txt", article.source().fileName());
        assertEquals(article.id(), producer.history().get(0).key());
        assertTrue(Files.exists(done.resolve("news.txt")));
        assertEquals(Set.of(), namesIn(inbox));
    }

    @Test
    void rejectsEachBadFileToFailedWithItsReasonCodeAndLeavesHiddenAndTempFilesAlone(@TempDir Path outside)
            throws IOException {
        drop("big.txt", "x".repeat((int) MAX_BYTES + 1));
        drop("photo.txt", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A});
        drop("empty.txt", "");
        drop("blank.md", "  \n\n ");
        drop("sheet.xlsx", "a,b");
        drop("broken.json", "{\"title\":");
        Files.writeString(outside.resolve("secret.txt"), "outside the inbox");
        Files.createSymbolicLink(inbox.resolve("link.txt"), outside.resolve("secret.txt"));
        drop(".hidden.txt", "hidden");
        drop("copying.txt.tmp", "temporary");
        drop("download.txt.part", "partial");
        drop("page.html.crdownload", "partial");
        drop("good.txt", Samples.ENGLISH);
        clock.advance(Duration.between(clock.instant(), Instant.now()).plusHours(1)); // for the link's own mtime
        passUntilQuiet(watcher());

        Map<String, String> expected = Map.of("big.txt", "too_large", "photo.txt", "not_text", "empty.txt", "empty",
                "blank.md", "empty", "sheet.xlsx", "unsupported_type", "broken.json", "invalid_json",
                "link.txt", "outside_inbox");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode error = errorOf(e.getKey());
            assertEquals(e.getValue(), error.get("reason").asText(), e.getKey());
            assertFalse(error.get("message").asText().isBlank());
            assertEquals(clock.instant().toString(), error.get("failed_at").asText());
            assertEquals(e.getKey(), error.get("file").asText());
        }
        assertTrue(errorOf("sheet.xlsx").get("message").asText().contains(".xlsx"));
        assertTrue(Files.isSymbolicLink(failed.resolve("link.txt")), "the link itself is moved, never its target");
        assertEquals("outside the inbox", Files.readString(outside.resolve("secret.txt")));
        assertEquals(Set.of(".hidden.txt", "copying.txt.tmp", "download.txt.part", "page.html.crdownload"),
                namesIn(inbox));
        assertEquals(Set.of("good.txt"), namesIn(done));
        assertEquals(1, published().size());
        assertEquals(7, counters.getFailedFiles());
        assertEquals(8, counters.getSeenFiles());
        assertEquals(2, counters.failedCount(RejectReason.EMPTY));
    }

    @Test
    void keepsFilesInTheInboxWhileTheBrokerIsDownAndPublishesThemOnceItIsBack() throws IOException {
        drop("a.txt", Samples.ENGLISH);
        drop("b.txt", Samples.GERMAN);
        InboxWatcher watcher = watcher();
        producer.broker = TestProducer.Broker.DOWN;
        watcher.pass();
        clock.advance(Duration.ofSeconds(5));
        assertFalse(watcher.pass(), "the caller must back off");
        assertEquals(Set.of("a.txt", "b.txt"), namesIn(inbox), "files wait in the inbox, not in done/ or failed/");
        clock.advance(Duration.ofSeconds(5));
        assertFalse(watcher.pass());
        assertEquals(Set.of(), namesIn(done));
        assertEquals(Set.of(), namesIn(failed));

        producer.broker = TestProducer.Broker.UP;
        passUntilQuiet(watcher);
        assertEquals(Set.of("a.txt", "b.txt"), namesIn(done));
        assertEquals(2, published().size());
        assertEquals(2, counters.getSeenFiles(), "a retried file is seen once");
        assertEquals(2, counters.getPublishedFiles());
        assertEquals(4, counters.getPublishRetries());
    }

    @Test
    void recordTheBrokerRefusesAsTooLargeFailsTheFileInsteadOfStallingTheInbox() throws IOException {
        drop("a.txt", Samples.ENGLISH);
        producer.broker = TestProducer.Broker.REFUSES_LARGE_RECORDS;
        assertTrue(passUntilQuiet(watcher()) > 0);
        assertEquals("too_large", errorOf("a.txt").get("reason").asText());
        assertTrue(errorOf("a.txt").get("message").asText().contains("max.message.bytes"));
    }

    @Test
    void fileInterruptedBetweenPublishAndMoveIsReclaimedAndRepublishedUnderTheSameId() throws IOException {
        drop("story.txt", Samples.FRENCH.getBytes(Charset.forName("windows-1252")));
        passUntilQuiet(watcher());
        String firstId = published().get(0).id();
        // a crash after the broker's ack but before the move leaves the file in .processing/
        Files.move(done.resolve("story.txt"), inbox.resolve(".processing/story.txt"));

        IngestCounters afterRestart = new IngestCounters();
        List<Path> reclaimed = folders.reclaim();
        assertEquals(List.of(inbox.resolve("story.txt")), reclaimed);
        InboxWatcher restarted = new InboxWatcher(folders, new InboxScanner(inbox, MIN_AGE, false, 100, clock),
                new ArticleDecoder(), new ArticlePublisher(producer, Duration.ofSeconds(5)), MAX_BYTES, 500, clock,
                afterRestart, InboxWatcher.NO_FOLLOW);
        passUntilQuiet(restarted);
        assertEquals(2, published().size(), "published again: at least once, never lost");
        assertEquals(firstId, published().get(1).id(), "same content-hash key, so dedup drops the copy");
        assertEquals(Set.of("story.txt"), namesIn(done));
        assertEquals(1, afterRestart.getSeenFiles());
    }

    @Test
    void movesUnreadableFileToFailedWithTheOsError() throws IOException {
        drop("locked.txt", Samples.ENGLISH);
        drop("bad-disk.txt", Samples.GERMAN);
        drop("fine.txt", Samples.FRENCH);
        passUntilQuiet(watcher(500, file -> {
            if (file.endsWith("locked.txt")) {
                throw new AccessDeniedException(file.toString());
            }
            if (file.endsWith("bad-disk.txt")) {
                throw new FileSystemException(file.toString(), null, "Input/output error");
            }
            return Files.newInputStream(file);
        }));
        assertEquals("unreadable", errorOf("locked.txt").get("reason").asText());
        assertTrue(errorOf("locked.txt").get("message").asText().contains("Permission denied"));
        assertEquals("unreadable", errorOf("bad-disk.txt").get("reason").asText());
        assertTrue(errorOf("bad-disk.txt").get("message").asText().contains("Input/output error"));
        assertEquals(Set.of("fine.txt"), namesIn(done), "one unreadable file does not stop the others");
    }

    @Test
    void handlesNamesInAnyScriptWithSpacesAndQuotes() throws IOException {
        List<String> names = List.of("خبر عاجل من الرياض.txt", "新闻 \"引号\".md", "l'article d’hier.txt",
                "Новости дня.html", "קובץ 'חדש'.txt", "emoji 📰 news.txt", "back\\slash.txt", "sub folder/خبر.txt");
        for (int i = 0; i < names.size(); i++) {
            drop(names.get(i), Samples.ENGLISH + " " + i);
        }
        passUntilQuiet(watcher());
        assertEquals(Set.copyOf(names), namesIn(done));
        assertEquals(Set.copyOf(names), published().stream().map(a -> a.source().fileName()).collect(Collectors.toSet()));
    }

    @Test
    void drainsABurstOf10000FilesInBoundedPassesWithoutLeakingFileHandles() throws IOException {
        assumeTrue(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean);
        var os = (com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int files = 10_000;
        for (int i = 0; i < files; i++) {
            drop(String.format("burst-%05d.txt", i), "Article number " + i + ". " + Samples.ENGLISH);
        }
        long handlesBefore = os.getOpenFileDescriptorCount();
        InboxWatcher watcher = watcher(500, InboxWatcher.NO_FOLLOW);
        List<Integer> perPass = new ArrayList<>();
        int passes = 0;
        while (passes++ < 100) {
            int before = producer.history().size();
            clock.advance(Duration.ofSeconds(2));
            assertTrue(watcher.pass());
            perPass.add(producer.history().size() - before);
            if (watcher.pending() == 0 && producer.history().size() == files) {
                break;
            }
        }
        assertEquals(files, producer.history().size());
        assertEquals(files, namesIn(done).size());
        assertTrue(perPass.stream().allMatch(n -> n <= 500), "at most max.files.per.pass per pass: " + perPass);
        assertTrue(os.getOpenFileDescriptorCount() <= handlesBefore + 10,
                "open file handles " + handlesBefore + " -> " + os.getOpenFileDescriptorCount());
        assertEquals(files, counters.getSeenFiles());
        assertEquals(files, counters.getPublishedFiles());
    }

    @Test
    void countersCountSeenOncePublishedRecordsAndBytesAndFailedByReason() throws IOException {
        byte[] text = Samples.ENGLISH.getBytes(StandardCharsets.UTF_8);
        byte[] jsonl = "{\"title\":\"a\"}\n{\"title\":\"b\"}\n{\"title\":\"c\"}\n".getBytes(StandardCharsets.UTF_8);
        drop("one.txt", text);
        drop("three.jsonl", jsonl);
        drop("bad.json", "[]");
        drop("nothing.txt", "");
        passUntilQuiet(watcher());
        assertEquals(4, counters.getSeenFiles());
        assertEquals(2, counters.getPublishedFiles());
        assertEquals(4, counters.getPublishedRecords());
        assertEquals(text.length + jsonl.length, counters.getPublishedBytes());
        assertEquals(Map.of("empty", 1L, "invalid_json", 1L), counters.getFailedByReason());
        assertTrue(counters.toString().contains("published_records=4"), counters.toString());
    }

    @Test
    void backoffDoublesUpToThirtySeconds() {
        Duration poll = Duration.ofMillis(500);
        assertEquals(Duration.ofSeconds(1), InboxWatcher.backoff(1, poll));
        assertEquals(Duration.ofSeconds(4), InboxWatcher.backoff(3, poll));
        assertEquals(Duration.ofSeconds(30), InboxWatcher.backoff(20, poll));
    }
}
