package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

    @TempDir
    Path work;

    private IngestConfig load(String... flags) {
        List<String> args = new ArrayList<>(List.of("--workdir=" + work));
        args.addAll(List.of(flags));
        return IngestConfig.load(Map.of(), args);
    }

    @Test
    void defaultsFollowTheIssue() {
        IngestConfig config = load();
        assertEquals(work.resolve("inbox"), config.inbox());
        assertEquals(work.resolve("done"), config.done());
        assertEquals(work.resolve("failed"), config.failed());
        assertEquals(10L * 1024 * 1024, config.maxFileBytes());
        assertEquals(Duration.ofSeconds(1), config.minFileAge());
        assertEquals(500, config.maxFilesPerPass());
        assertEquals(Duration.ofSeconds(30), config.countersLogInterval());
        assertFalse(config.walkSubfolders());
        assertNull(config.once());
    }

    @Test
    void onceFlagMakesTheFolderTheInbox() {
        IngestConfig config = load("--once", work.resolve("archive 2019").toString());
        assertEquals(work.resolve("archive 2019"), config.once());
        assertEquals(work.resolve("archive 2019"), config.inbox());
        assertEquals(work.resolve("done"), config.done());
    }

    @Test
    void backfillWaitsFiveMinutesForTheBrokerUnlessToldOtherwise() {
        assertEquals(Duration.ofMinutes(5), load().onceBrokerTimeout());
        assertEquals(Duration.ZERO, IngestConfig.load(Map.of("KHABAR_ONCE_BROKER_TIMEOUT_MS", "0"),
                List.of("--workdir=" + work)).onceBrokerTimeout());
        ConfigException e = assertThrows(ConfigException.class, () -> load("--once.broker.timeout.ms=-1"));
        assertTrue(e.getMessage().contains("once.broker.timeout.ms"), e.getMessage());
    }

    @Test
    void environmentAndFlagsSetTheNewKeys() {
        IngestConfig config = IngestConfig.load(Map.of("KHABAR_MAX_FILES_PER_PASS", "50",
                "KHABAR_WALK_SUBFOLDERS", "true"), List.of("--workdir=" + work, "--counters.log.interval.ms=1000",
                "--max.files.per.pass=70"));
        assertEquals(70, config.maxFilesPerPass(), "flags win over the environment");
        assertTrue(config.walkSubfolders());
        assertEquals(Duration.ofSeconds(1), config.countersLogInterval());
    }

    @Test
    void reportsEveryInvalidValueTogether() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("--max.file.bytes=0", "--max.files.per.pass=0", "--poll.interval.ms=1"));
        assertTrue(e.getMessage().contains("max.file.bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("max.files.per.pass"), e.getMessage());
        assertTrue(e.getMessage().contains("poll.interval.ms"), e.getMessage());
    }

    @Test
    void refusesDoneOrFailedInsideTheInbox() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("--done.dir=" + work.resolve("inbox/done")));
        assertTrue(e.getMessage().contains("inside one another"), e.getMessage());
        assertThrows(ConfigException.class, () -> load("--once=" + work));
    }

    @Test
    void inboxDocsListEveryKeyAndEveryReasonCode() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "inbox.md"));
        for (String key : IngestConfig.DEFINITION.names()) {
            if (!key.startsWith("topic.") && !key.equals("workdir") && !key.equals("bootstrap.servers")) {
                assertTrue(docs.contains("| `" + key + "` |"), "docs/inbox.md lacks a row for " + key);
            }
        }
        for (RejectReason reason : RejectReason.values()) {
            assertTrue(docs.contains("| `" + reason.code() + "` |"), "docs/inbox.md lacks the reason " + reason.code());
        }
    }
}
