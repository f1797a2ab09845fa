package dev.khabar.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.TestBroker;

/**
 * The inbox on a real in-JVM KRaft broker: a matrix of good and bad files, a file written slowly, a burst with a
 * broker restart in the middle, and the {@code --once} backfill.
 */
class InboxIT {

    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static TestBroker broker;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
        broker.createKhabarTopics(3);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private IngestConfig config(String... extra) {
        List<String> args = new ArrayList<>(List.of("--workdir=" + work, "--bootstrap.servers=" + broker.bootstrapServers(),
                "--topic.partitions=3", "--poll.interval.ms=100", "--min.file.age.ms=1500",
                "--max.file.bytes=" + MAX_FILE_BYTES, "--walk.subfolders=true", "--counters.log.interval.ms=2000"));
        args.addAll(List.of(extra));
        return IngestConfig.load(Map.of(), args);
    }

    /** Every record on articles.raw from the given files, by "file name" or "file name#line". */
    private static Map<String, List<RawArticle>> publishedFrom(Set<String> fileNames) {
        Deserializer<RawArticle> deserializer = Topics.RAW.valueSerde().deserializer();
        Map<String, List<RawArticle>> byName = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : broker.readAll(Topics.RAW.name())) {
            RawArticle article = deserializer.deserialize(Topics.RAW.name(), record.value());
            if (fileNames.contains(article.source().fileName())) {
                String key = article.source().fileName() + (article.source().line() == null ? "" : "#" + article.source().line());
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(article);
            }
        }
        return byName;
    }

    /** The files below {@code dir}; one the watcher moves away while they are listed is passed over, not an error. */
    private static Set<String> filesUnder(Path dir) throws IOException {
        Set<String> files = new HashSet<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(dir.relativize(file).toString());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return files;
    }

    private static long burstFilesIn(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(p -> p.getFileName().toString().startsWith("burst-")).count();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private record Good(String text, String charset) {
    }

    @Test
    void everyFileEndsInDoneOrFailedWithTheRightReasonAndEveryGoodFileIsPublishedOnce(@TempDir Path outside)
            throws Exception {
        IngestConfig config = config();
        Path inbox = config.inbox();
        Files.createDirectories(inbox);
        Files.createDirectories(config.done());
        Map<String, Good> good = new LinkedHashMap<>();
        Map<String, String> bad = new LinkedHashMap<>();
        Map<String, byte[]> untouched = new LinkedHashMap<>();

        // good files, dropped before the service starts: files already there at start-up are processed
        good.put("plain-utf8.txt", new Good(Samples.ENGLISH, "UTF-8"));
        Files.writeString(inbox.resolve("plain-utf8.txt"), Samples.ENGLISH);
        good.put("utf8-bom.txt", new Good(Samples.ARABIC, "UTF-8"));
        Files.write(inbox.resolve("utf8-bom.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Samples.ARABIC.getBytes(StandardCharsets.UTF_8)));
        good.put("arabic-1256.txt", new Good(Samples.ARABIC, "windows-1256"));
        Files.write(inbox.resolve("arabic-1256.txt"), Samples.ARABIC.getBytes(Charset.forName("windows-1256")));
        good.put("arabic-8859-6.txt", new Good(Samples.ARABIC_2, "ISO-8859-6"));
        Files.write(inbox.resolve("arabic-8859-6.txt"), Samples.ARABIC_2.getBytes(Charset.forName("ISO-8859-6")));
        good.put("french-1252.txt", new Good(Samples.FRENCH, "windows-1252"));
        Files.write(inbox.resolve("french-1252.txt"), Samples.FRENCH.getBytes(Charset.forName("windows-1252")));
        good.put("german-latin1.md", new Good(Samples.GERMAN, "ISO-8859-1"));
        Files.write(inbox.resolve("german-latin1.md"), Samples.GERMAN.getBytes(StandardCharsets.ISO_8859_1));
        good.put("utf16le.txt", new Good(Samples.ARABIC, "UTF-16LE"));
        Files.write(inbox.resolve("utf16le.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                Samples.ARABIC.getBytes(StandardCharsets.UTF_16LE)));
        good.put("utf16be.md", new Good(Samples.ARABIC_2, "UTF-16BE"));
        Files.write(inbox.resolve("utf16be.md"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                Samples.ARABIC_2.getBytes(StandardCharsets.UTF_16BE)));
        String html = "<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"windows-1256\"><title>خبر</title>"
                + "</head><body><h1>افتتاح مستشفى</h1><p>" + Samples.ARABIC + "</p></body></html>";
        good.put("page.html", new Good(html, "windows-1256"));
        Files.write(inbox.resolve("page.html"), html.getBytes(Charset.forName("windows-1256")));
        String json = "{\"title\":\"معرض الكتاب\",\"body\":\"" + Samples.ARABIC_2 + "\",\"url\":\"https://example.org/a\","
                + "\"published\":\"2026-05-01T09:00:00Z\",\"author\":\"Lina\",\"source\":\"Example\",\"language\":\"ar\"}";
        good.put("article.json", new Good(json, "UTF-8"));
        Files.writeString(inbox.resolve("article.json"), json);
        List<String> lines = List.of("{\"title\":\"One\",\"text\":\"" + Samples.ENGLISH + "\"}",
                "{\"title\":\"Deux\",\"content\":\"" + Samples.FRENCH + "\"}", "{\"body\":\"" + Samples.ARABIC + "\"}");
        for (int i = 0; i < lines.size(); i++) {
            good.put("feed.jsonl#" + (i + 1), new Good(lines.get(i), "UTF-8"));
        }
        Files.writeString(inbox.resolve("feed.jsonl"), String.join("\n", lines) + "\n");
        String oddName = "خبر عاجل \"مهم\" l'info 新闻.txt";
        good.put(oddName, new Good(Samples.ARABIC_2 + " 2", "UTF-8"));
        Files.writeString(inbox.resolve(oddName), Samples.ARABIC_2 + " 2");
        good.put("2024/05/nested.txt", new Good(Samples.GERMAN + " nested", "UTF-8"));
        Files.createDirectories(inbox.resolve("2024/05"));
        Files.writeString(inbox.resolve("2024/05/nested.txt"), Samples.GERMAN + " nested");
        byte[] oneBad = concat(("Bad byte: ").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                (" " + Samples.ARABIC).getBytes(StandardCharsets.UTF_8));
        good.put("one-bad-byte.txt", new Good("Bad byte: \uFFFD " + Samples.ARABIC, "UTF-8"));
        Files.write(inbox.resolve("one-bad-byte.txt"), oneBad);
        good.put("clash.txt", new Good(Samples.ENGLISH + " (newer)", "UTF-8"));
        Files.writeString(config.done().resolve("clash.txt"), "an earlier file of the same name");
        Files.writeString(inbox.resolve("clash.txt"), Samples.ENGLISH + " (newer)");

        // bad files
        bad.put("oversized.txt", "too_large");
        Files.writeString(inbox.resolve("oversized.txt"), "a".repeat((int) MAX_FILE_BYTES + 1));
        bad.put("image.txt", "not_text");
        Files.write(inbox.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        bad.put("nul-bytes.txt", "not_text");
        Files.write(inbox.resolve("nul-bytes.txt"), new byte[] {'a', 'b', 0, 'c', 0, 0, 'd'});
        bad.put("empty.txt", "empty");
        Files.write(inbox.resolve("empty.txt"), new byte[0]);
        bad.put("blank.md", "empty");
        Files.writeString(inbox.resolve("blank.md"), " \n\t \n");
        bad.put("slides.pptx", "unsupported_type");
        Files.writeString(inbox.resolve("slides.pptx"), "not really slides");
        bad.put("broken.json", "invalid_json");
        Files.writeString(inbox.resolve("broken.json"), "{\"title\": \"no end");
        bad.put("garbled.txt", "decode_error");
        ByteArrayOutputStream garbled = new ByteArrayOutputStream();
        garbled.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        for (int i = 0; i < 100; i++) {
            garbled.writeBytes(new byte[] {0x00, (byte) 0xD8, 0x41, 0x00});
        }
        Files.write(inbox.resolve("garbled.txt"), garbled.toByteArray());
        bad.put("escape.txt", "outside_inbox");
        Files.writeString(outside.resolve("passwords.txt"), "secret");
        Files.createSymbolicLink(inbox.resolve("escape.txt"), outside.resolve("passwords.txt"));
        Path locked = inbox.resolve("locked.txt");
        Files.writeString(locked, Samples.ENGLISH + " locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        if (Files.isReadable(locked)) {
            // running as root: permissions do not stop reading, so it is simply a good file
            good.put("locked.txt", new Good(Samples.ENGLISH + " locked", "UTF-8"));
        } else {
            bad.put("locked.txt", "unreadable");
        }

        // left alone until renamed
        for (String name : List.of(".hidden.txt", "in-progress.txt.part", "copy.tmp", "download.html.crdownload")) {
            untouched.put(name, ("do not touch " + name).getBytes(StandardCharsets.UTF_8));
            Files.write(inbox.resolve(name), untouched.get(name));
        }

        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (IngestService service = new IngestService(config, Clock.systemUTC())) {
            service.start();

            // a file written slowly in chunks over four seconds, straight into the inbox
            String slowText = Samples.ARABIC + " " + Samples.ARABIC_2 + " " + Samples.ARABIC;
            byte[] slowBytes = slowText.getBytes(StandardCharsets.UTF_8);
            Path slow = inbox.resolve("slow.txt");
            Files.write(slow, new byte[0]);
            int chunks = 9;
            int chunkSize = (slowBytes.length + chunks - 1) / chunks;
            for (int i = 0; i < chunks; i++) {
                int from = i * chunkSize;
                byte[] chunk = Arrays.copyOfRange(slowBytes, Math.min(from, slowBytes.length),
                        Math.min(from + chunkSize, slowBytes.length));
                writer.schedule(() -> {
                    Files.write(slow, chunk, StandardOpenOption.APPEND);
                    return null;
                }, 500L * (i + 1), TimeUnit.MILLISECONDS);
            }
            good.put("slow.txt", new Good(slowText, "UTF-8"));

            // the atomic-rename convention: copy to a temporary name, then rename
            Path staged = inbox.resolve(".renamed.txt.tmp");
            Files.writeString(staged, Samples.FRENCH + " renamed");
            writer.schedule(() -> Files.move(staged, inbox.resolve("renamed.txt")), 1, TimeUnit.SECONDS);
            good.put("renamed.txt", new Good(Samples.FRENCH + " renamed", "UTF-8"));

            Set<String> expectedDone = good.keySet().stream().map(k -> k.replaceAll("#\\d+$", ""))
                    .map(k -> k.equals("clash.txt") ? "clash (1).txt" : k).collect(Collectors.toSet());
            expectedDone.add("clash.txt");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertEquals(expectedDone, filesUnder(config.done()));
                assertEquals(bad.keySet(), filesUnder(config.failed()).stream()
                        .filter(n -> !n.endsWith(".error.json")).collect(Collectors.toSet()));
            });

            // hidden and temporary files untouched; nothing else left in the inbox
            assertEquals(untouched.keySet(), filesUnder(inbox).stream().filter(n -> !n.endsWith("/"))
                    .collect(Collectors.toSet()));
            for (Map.Entry<String, byte[]> e : untouched.entrySet()) {
                assertTrue(Arrays.equals(e.getValue(), Files.readAllBytes(inbox.resolve(e.getKey()))), e.getKey());
            }
            // the right reason for each rejected file
            for (Map.Entry<String, String> e : bad.entrySet()) {
                JsonNode error = Json.mapper().readTree(config.failed().resolve(e.getKey() + ".error.json").toFile());
                assertEquals(e.getValue(), error.get("reason").asText(), e.getKey() + ": " + error);
                assertFalse(error.get("message").asText().isBlank());
                assertFalse(error.get("failed_at").asText().isBlank());
            }
            assertEquals("secret", Files.readString(outside.resolve("passwords.txt")));
            assertEquals("an earlier file of the same name", Files.readString(config.done().resolve("clash.txt")));

            // every good file exactly once on articles.raw, decoded correctly, with the charset used
            Set<String> goodFiles = good.keySet().stream().map(k -> k.replaceAll("#\\d+$", "")).collect(Collectors.toSet());
            Map<String, List<RawArticle>> published = publishedFrom(goodFiles);
            assertEquals(good.keySet(), published.keySet());
            for (Map.Entry<String, Good> e : good.entrySet()) {
                List<RawArticle> records = published.get(e.getKey());
                assertEquals(1, records.size(), e.getKey() + " published " + records.size() + " times");
                assertEquals(e.getValue().text(), records.get(0).content(), e.getKey());
                assertEquals(Charset.forName(e.getValue().charset()).name(), records.get(0).source().charset(), e.getKey());
            }
            assertEquals(List.of(ArticleDecoder.MALFORMED_REPLACED),
                    published.get("one-bad-byte.txt").get(0).source().warnings());
            assertTrue(publishedFrom(bad.keySet()).isEmpty(), "no rejected file is published");

            // counters agree and the producer is still running
            IngestCounters counters = service.counters();
            assertEquals(goodFiles.size(), counters.getPublishedFiles());
            assertEquals(good.size(), counters.getPublishedRecords());
            assertEquals(bad.size(), counters.getFailedFiles());
            assertEquals(goodFiles.size() + bad.size(), counters.getSeenFiles());
            assertTrue(service.isRunning());
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void burstOfFilesSurvivesABrokerRestartAndEachIsPublishedOnce() throws Exception {
        int files = Integer.getInteger("khabar.it.burst", 10_000);
        IngestConfig config = config("--min.file.age.ms=200");
        Path inbox = config.inbox();
        Files.createDirectories(inbox);
        Set<String> names = new HashSet<>();
        try (IngestService service = new IngestService(config, Clock.systemUTC())) {
            service.start();
            for (int i = 0; i < files; i++) {
                String name = String.format("burst-%05d.txt", i);
                Files.writeString(inbox.resolve(name), "Burst article " + i + ". " + Samples.ENGLISH);
                names.add(name);
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> service.counters().getPublishedFiles() >= files / 5);

            broker.stopBroker();
            long publishedWhenDown = service.counters().getPublishedFiles();
            // more files arrive while the broker is down (the first ones may all be out already on a fast machine)
            int late = 1_000;
            for (int i = 0; i < late; i++) {
                String name = String.format("burst-late-%04d.txt", i);
                Files.writeString(inbox.resolve(name), "Late burst article " + i + ". " + Samples.FRENCH);
                names.add(name);
            }
            // for four seconds the producer hits the dead broker: nothing more is taken as published (beyond what
            // was acknowledged just before the shutdown) and the files wait in the inbox
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                    service.counters().getPublishedFiles() - publishedWhenDown <= InboxWatcher.MAX_IN_FLIGHT_FILES
                            && burstFilesIn(inbox) > 0 && service.isRunning());
            broker.restartBroker();

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> service.counters().getPublishedFiles() >= files + late);
            assertEquals(files + late, filesUnder(config.done()).size());
            Map<String, List<RawArticle>> published = publishedFrom(names);
            assertEquals(names, published.keySet());
            List<String> twice = published.entrySet().stream().filter(e -> e.getValue().size() != 1)
                    .map(Map.Entry::getKey).toList();
            assertEquals(List.of(), twice, "published more than once");
            assertEquals(files + late, service.counters().getSeenFiles());
            assertTrue(service.isRunning());
        }
    }

    @Test
    void backfillPublishesAWholeFolderPrintsProgressAndASummaryAndExits() throws Exception {
        Path archive = work.resolve("archive");
        Files.createDirectories(archive.resolve("2019"));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String name = (i % 3 == 0 ? "2019/" : "") + String.format("backfill-%03d.txt", i);
            Files.writeString(archive.resolve(name), "Archive article " + i + ". " + Samples.GERMAN);
            names.add(name);
        }
        Files.writeString(archive.resolve("backfill-bad.pdf"), "%PDF-1.4");
        Files.writeString(archive.resolve(".DS_Store"), "hidden");
        IngestConfig config = config("--once", archive.toString(), "--min.file.age.ms=0");
        StringWriter terminal = new StringWriter();
        StringWriter out = new StringWriter();
        Backfill backfill = new Backfill(config, Clock.systemUTC(), new PrintWriter(terminal), new PrintWriter(out));

        assertEquals(0, backfill.run());

        assertTrue(terminal.toString().contains("\r[" + "#".repeat(30) + "] 301/301 files"), terminal.toString());
        assertTrue(out.toString().contains("301 files seen, 300 published (300 records"), out.toString());
        assertTrue(out.toString().contains("1 failed {not_text=1}"), out.toString());
        assertTrue(out.toString().contains("0 left in the folder"), out.toString());
        assertEquals(Set.of(".DS_Store"), filesUnder(archive));
        Map<String, List<RawArticle>> published = publishedFrom(names);
        assertEquals(names, published.keySet());
        assertTrue(published.values().stream().allMatch(list -> list.size() == 1));
    }

    @Test
    void keepsFilesInTheInboxWhileNoBrokerAnswersAndStopsCleanly() throws Exception {
        IngestConfig config = config("--bootstrap.servers=127.0.0.1:1");
        Files.createDirectories(config.inbox());
        Path file = Files.writeString(config.inbox().resolve("waiting.txt"), Samples.ENGLISH);
        IngestService service = new IngestService(config, Clock.systemUTC());
        service.start();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> Files.exists(file) && service.isRunning());
        long closing = System.nanoTime();
        service.close();
        assertTrue(System.nanoTime() - closing < Duration.ofSeconds(25).toNanos(), "close() returns promptly");
        assertFalse(service.isRunning());
        assertEquals(Samples.ENGLISH, Files.readString(file));
        assertEquals(Set.of("waiting.txt"), filesUnder(config.inbox()));
        assertEquals(Set.of(), filesUnder(config.done()));
        assertEquals(Set.of(), filesUnder(config.failed()));
    }

    @Test
    void filesLeftInProcessingByACrashAreReclaimedAtStartAndPublished() throws Exception {
        IngestConfig config = config();
        Path processing = config.inbox().resolve(InboxFolders.PROCESSING);
        Files.createDirectories(processing.resolve("2024"));
        Files.writeString(processing.resolve("interrupted.txt"), Samples.GERMAN + " interrupted");
        Files.writeString(processing.resolve("2024/interrupted too.txt"), Samples.FRENCH + " interrupted");
        try (IngestService service = new IngestService(config, Clock.systemUTC())) {
            service.start();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                    filesUnder(config.done()).equals(Set.of("interrupted.txt", "2024/interrupted too.txt")));
            assertEquals(2, service.counters().getReclaimedFiles());
            assertEquals(Set.of(), filesUnder(config.inbox()));
            Map<String, List<RawArticle>> published = publishedFrom(Set.of("interrupted.txt", "2024/interrupted too.txt"));
            assertEquals(Samples.GERMAN + " interrupted", published.get("interrupted.txt").get(0).content());
            assertEquals(1, published.get("2024/interrupted too.txt").size());
        }
    }

    @Test
    void backfillGivesUpWithExitCodeOneWhenTheBrokerStaysUnreachable() throws Exception {
        Path archive = work.resolve("archive");
        Files.createDirectories(archive);
        for (int i = 0; i < 3; i++) {
            Files.writeString(archive.resolve("left-" + i + ".txt"), Samples.ENGLISH + i);
        }
        IngestConfig config = config("--once", archive.toString(), "--bootstrap.servers=127.0.0.1:1");
        // every reading of this clock is three minutes later: the default 5-minute once.broker.timeout.ms has
        // passed after the first attempt (BackfillTest covers short timeouts on the real clock)
        Clock hurried = TestClock.stepping(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(3));
        StringWriter out = new StringWriter();
        assertEquals(1, new Backfill(config, hurried, null, new PrintWriter(out)).run());
        assertTrue(out.toString().contains("0 files seen, 0 published"), out.toString());
        assertTrue(out.toString().contains("3 left in the folder"), out.toString());
        assertEquals(Set.of("left-0.txt", "left-1.txt", "left-2.txt"), filesUnder(archive));
        assertEquals(Set.of(), filesUnder(config.done()));
    }
}
