package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxScannerTest {

    private static final Duration MIN_AGE = Duration.ofSeconds(2);

    @TempDir
    Path inbox;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));

    private Path write(String name, String text) throws IOException {
        Path file = inbox.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        return file;
    }

    private InboxScanner scanner(boolean walk) {
        return new InboxScanner(inbox, MIN_AGE, walk, 10_000, clock);
    }

    @Test
    void readsFileOnlyWhenUnchangedAcrossTwoScansAndOldEnough() throws IOException {
        InboxScanner scanner = scanner(false);
        Path file = write("a.txt", "hello");
        assertEquals(List.of(), scanner.scan(100), "first sight");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), scanner.scan(100), "stable but younger than the minimum age");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(file), scanner.scan(100));
    }

    @Test
    void fileStillBeingWrittenIsNotReady() throws IOException {
        InboxScanner scanner = scanner(false);
        Path file = write("growing.txt", "part one");
        clock.advance(Duration.ofSeconds(5));
        scanner.scan(100);
        Files.writeString(file, "part one, part two");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(10)));
        assertEquals(List.of(), scanner.scan(100), "size changed since the last scan");
        assertEquals(List.of(file), scanner.scan(100));
    }

    @Test
    void touchedFileIsNotReady() throws IOException {
        InboxScanner scanner = scanner(false);
        Path file = write("touched.txt", "same size");
        clock.advance(Duration.ofSeconds(5));
        scanner.scan(100);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(3)));
        assertEquals(List.of(), scanner.scan(100), "modification time changed since the last scan");
    }

    @Test
    void leavesHiddenAndTemporaryNamesAlone() throws IOException {
        InboxScanner scanner = scanner(false);
        for (String name : List.of(".hidden.txt", "copy.txt.tmp", "x.TMP", "download.txt.part", "y.crdownload")) {
            write(name, "not yet");
        }
        Path real = write("real.txt", "ready");
        clock.advance(Duration.ofSeconds(5));
        scanner.scan(100);
        assertEquals(List.of(real), scanner.scan(100));
        assertEquals(1, scanner.candidates());
    }

    @Test
    void walksSubfoldersOnlyWhenAsked() throws IOException {
        Path top = write("top.txt", "a");
        Path nested = write("2024/05/nested.txt", "b");
        clock.advance(Duration.ofSeconds(5));
        InboxScanner flat = scanner(false);
        flat.scan(100);
        assertEquals(List.of(top), flat.scan(100));
        InboxScanner walking = scanner(true);
        walking.scan(100);
        assertEquals(List.of(nested, top), walking.scan(100));
    }

    @Test
    void returnsSymbolicLinksWithoutFollowingThem(@TempDir Path outside) throws IOException {
        Path secret = outside.resolve("secret.txt");
        Files.writeString(secret, "outside");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/inner.txt"), "outside too");
        Path link = inbox.resolve("link.txt");
        Files.createSymbolicLink(link, secret);
        Files.createSymbolicLink(inbox.resolve("linked-dir"), outside.resolve("dir"));
        // a link's own modification time is the real time it was made
        clock.advance(Duration.between(clock.instant(), Instant.now()).plusHours(1));
        InboxScanner scanner = scanner(true);
        scanner.scan(100);
        List<Path> ready = scanner.scan(100);
        assertTrue(ready.contains(link));
        assertTrue(ready.stream().noneMatch(p -> p.toString().contains("inner.txt")), "a linked folder is not walked");
    }

    @Test
    void takesAtMostTheBatchLimitPerScan() throws IOException {
        for (int i = 0; i < 25; i++) {
            write(String.format("f%02d.txt", i), "x" + i);
        }
        clock.advance(Duration.ofSeconds(5));
        InboxScanner scanner = scanner(false);
        scanner.scan(10);
        List<Path> ready = scanner.scan(10);
        assertEquals(10, ready.size());
        assertEquals(inbox.resolve("f00.txt"), ready.get(0));
        assertEquals(25, scanner.candidates());
    }

    @Test
    void tracksAtMostMaxTrackedFiles() throws IOException {
        for (int i = 0; i < 30; i++) {
            write("f" + i + ".txt", "x");
        }
        InboxScanner scanner = new InboxScanner(inbox, MIN_AGE, false, 12, clock);
        scanner.scan(100);
        assertEquals(12, scanner.candidates());
    }
}
