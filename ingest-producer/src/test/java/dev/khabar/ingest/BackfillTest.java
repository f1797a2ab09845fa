package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The backfill when no broker can be reached: it gives up after {@code once.broker.timeout.ms} with exit code 1 and
 * one ERROR naming the address, and leaves every file where and as it was.
 */
class BackfillTest {

    private static final String NOWHERE = "kafka-not-there.invalid:9092";
    /** Far below the 5-minute default, so a backfill that ignored the setting would not return in time. */
    private static final Duration WELL_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void givesUpWithExitCodeOneAndLeavesTheFolderAloneWhenTheBrokerNameDoesNotResolve() throws Exception {
        Outcome outcome = backfillAgainst(NOWHERE);

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.error().startsWith("Giving up: the broker " + NOWHERE + " did not resolve for "),
                outcome.error());
        assertGaveUpAfterTheSettingWithTheFolderUntouched(outcome);
    }

    @Test
    void givesUpTheSameWayWhenNothingListensAtTheBrokerAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String refusing = "127.0.0.1:" + port;

        Outcome outcome = backfillAgainst(refusing);

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.error().startsWith("Giving up: the broker " + refusing + " did not answer for "),
                outcome.error());
        assertGaveUpAfterTheSettingWithTheFolderUntouched(outcome);
    }

    private record Outcome(int exitCode, String error, List<ILoggingEvent> logged, String summary,
                           Map<Path, String> before, Map<Path, String> after, IngestConfig config) {
    }

    /** Runs a backfill of three files against {@code bootstrap} with a 1 s broker timeout, recording every log event. */
    private Outcome backfillAgainst(String bootstrap) throws Exception {
        Path archive = Files.createDirectories(work.resolve("archive/2019"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(archive.resolve("waiting-" + i + ".txt"), Samples.ENGLISH + i);
        }
        Path folder = work.resolve("archive");
        IngestConfig config = IngestConfig.load(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap), List.of(
                "--workdir=" + work, "--once", folder.toString(), "--walk.subfolders=true", "--min.file.age.ms=0",
                "--poll.interval.ms=50", "--" + IngestConfig.ONCE_BROKER_TIMEOUT_MS_CONFIG + "=1000"));
        Map<Path, String> before = contents(folder);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        StringWriter out = new StringWriter();
        int exitCode;
        try {
            exitCode = assertTimeoutPreemptively(WELL_WITHIN,
                    () -> new Backfill(config, Clock.systemUTC(), null, new PrintWriter(out)).run());
        } finally {
            root.detachAppender(logged);
        }
        List<ILoggingEvent> events = List.copyOf(logged.list);
        List<ILoggingEvent> errors = events.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertEquals(1, errors.size(), "exactly one ERROR: " + errors.stream().map(ILoggingEvent::getFormattedMessage).toList());
        return new Outcome(exitCode, errors.get(0).getFormattedMessage(), events, out.toString(), before,
                contents(folder), config);
    }

    private static void assertGaveUpAfterTheSettingWithTheFolderUntouched(Outcome outcome) throws IOException {
        assertTrue(outcome.error().contains("(once.broker.timeout.ms=1000); 3 file(s) left in "
                + outcome.config().inbox() + ", untouched"), outcome.error());
        double waited = Double.parseDouble(outcome.error().replaceAll(".* for ([0-9.]+) s \\(.*", "$1"));
        assertTrue(waited >= 1.0, "gave up only after the timeout: " + outcome.error());
        assertTrue(outcome.logged().stream().allMatch(e -> e.getThrowableProxy() == null),
                "no stack trace is logged");
        assertTrue(outcome.summary().contains("0 files seen, 0 published"), outcome.summary());
        assertTrue(outcome.summary().contains("3 left in the folder"), outcome.summary());
        assertEquals(outcome.before(), outcome.after(), "every file stays where it was, unchanged");
        assertEquals(3, outcome.after().size());
        assertEquals(Map.of(), contents(outcome.config().done()));
        assertEquals(Map.of(), contents(outcome.config().failed()));
    }

    /** Every regular file under {@code folder} (none if it does not exist) with its text. */
    private static Map<Path, String> contents(Path folder) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(folder.relativize(file), Files.readString(file));
            }
        }
        return files;
    }
}
