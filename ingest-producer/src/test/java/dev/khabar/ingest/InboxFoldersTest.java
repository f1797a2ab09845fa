package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.Json;

class InboxFoldersTest {

    @TempDir
    Path root;
    private Path inbox;
    private InboxFolders folders;

    @BeforeEach
    void prepare() throws IOException {
        inbox = root.resolve("inbox");
        folders = new InboxFolders(inbox, root.resolve("done"), root.resolve("failed"));
        folders.prepare();
    }

    @Test
    void prepareCreatesEveryFolderIncludingProcessing() {
        for (String dir : List.of("inbox", "inbox/.processing", "done", "failed")) {
            assertTrue(Files.isDirectory(root.resolve(dir)), dir);
        }
    }

    @Test
    void nameClashInDoneNeverOverwritesAnEarlierFile() throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.writeString(inbox.resolve("article.txt"), "version " + i);
            folders.moveToDone(folders.claim(inbox.resolve("article.txt")));
        }
        assertEquals("version 0", Files.readString(root.resolve("done/article.txt")));
        assertEquals("version 1", Files.readString(root.resolve("done/article (1).txt")));
        assertEquals("version 2", Files.readString(root.resolve("done/article (2).txt")));
    }

    @Test
    void failedFileGetsErrorJsonWithReasonMessageAndTime() throws IOException {
        Files.writeString(inbox.resolve("bad.txt"), "");
        Path claimed = folders.claim(inbox.resolve("bad.txt"));
        Path target = folders.moveToFailed(claimed, RejectReason.EMPTY, "The file is empty",
                Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(root.resolve("failed/bad.txt"), target);
        JsonNode error = Json.mapper().readTree(root.resolve("failed/bad.txt.error.json").toFile());
        assertEquals("bad.txt", error.get("file").asText());
        assertEquals("empty", error.get("reason").asText());
        assertEquals("The file is empty", error.get("message").asText());
        assertEquals("2026-01-01T00:00:00Z", error.get("failed_at").asText());
    }

    @Test
    void nameClashInFailedKeepsBothFilesAndBothErrors() throws IOException {
        for (RejectReason reason : List.of(RejectReason.EMPTY, RejectReason.NOT_TEXT)) {
            Files.writeString(inbox.resolve("x.txt"), reason.code());
            folders.moveToFailed(folders.claim(inbox.resolve("x.txt")), reason, "m", Instant.EPOCH);
        }
        assertEquals("empty", Files.readString(root.resolve("failed/x.txt")));
        assertEquals("not_text", Files.readString(root.resolve("failed/x (1).txt")));
        assertTrue(Files.readString(root.resolve("failed/x (1).txt.error.json")).contains("not_text"));
    }

    @Test
    void claimHidesFileFromInboxAndReleasePutsItBack() throws IOException {
        Path file = inbox.resolve("sub/قصة خبر \"مهم\".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Path claimed = folders.claim(file);
        assertEquals(inbox.resolve(".processing/sub/قصة خبر \"مهم\".txt"), claimed);
        assertFalse(Files.exists(file));
        assertEquals("sub/قصة خبر \"مهم\".txt", folders.nameOf(claimed));
        assertEquals(file, folders.release(claimed));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void reclaimsFilesLeftInProcessingByACrashedRun() throws IOException {
        Files.createDirectories(inbox.resolve(".processing/2024"));
        Files.writeString(inbox.resolve(".processing/a.txt"), "interrupted");
        Files.writeString(inbox.resolve(".processing/2024/b.txt"), "interrupted too");
        Files.writeString(inbox.resolve("a.txt"), "a newer file of the same name");
        List<Path> reclaimed = folders.reclaim();
        assertEquals(2, reclaimed.size());
        assertEquals("a newer file of the same name", Files.readString(inbox.resolve("a.txt")));
        assertEquals("interrupted", Files.readString(inbox.resolve("a (1).txt")));
        assertEquals("interrupted too", Files.readString(inbox.resolve("2024/b.txt")));
        try (var left = Files.list(inbox.resolve(".processing"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertEquals("article (3).txt", InboxFolders.numbered("article.txt", 3));
        assertEquals("README (1)", InboxFolders.numbered("README", 1));
        assertEquals(".x (1)", InboxFolders.numbered(".x", 1));
    }
}
