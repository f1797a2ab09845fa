package dev.khabar.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import dev.khabar.model.BrokerWatch;

/**
 * {@code --once DIR}: publishes every file of a folder with the inbox's rules (files go to {@code done/} or
 * {@code failed/}, so a second run resumes where the first stopped), draws a progress bar when attached to a
 * terminal, prints a summary and returns an exit code: 0 when every file was published or rejected, 1 when files
 * are left because the broker stayed unreachable (name not resolving, connection refused, no answer) for
 * {@code once.broker.timeout.ms}. No Kafka client is built before the broker's name resolves, and no file is
 * touched before the topics exist.
 */
final class Backfill {

    /** Bounds of one attempt to reach the broker (creating the topics); within them, what is left of the timeout. */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(500);
    static final Duration MAX_ATTEMPT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    private static final int BAR_WIDTH = 30;

    private final IngestConfig config;
    private final Clock clock;
    private final PrintWriter terminal;
    private final PrintWriter out;
    private final IngestCounters counters = new IngestCounters();
    private long lastDrawn;
    private ArticlePublisher publisher;
    private InboxWatcher watcher;

    /**
     * @param terminal where the progress bar goes, or null when not attached to a terminal
     * @param out      where the summary goes
     */
    Backfill(IngestConfig config, Clock clock, PrintWriter terminal, PrintWriter out) {
        this.config = config;
        this.clock = clock;
        this.terminal = terminal;
        this.out = out;
    }

    int run() throws InterruptedException {
        Instant started = clock.instant();
        InboxFolders folders = IngestService.prepareFolders(config, counters);
        LOG.info("Backfilling {} (done: {}, failed: {}) to {}", config.inbox(), config.done(), config.failed(),
                config.common().bootstrapServers());
        InboxScanner scanner = IngestService.scanner(config, clock);
        int left;
        try {
            left = drainFolder(folders, scanner);
        } finally {
            if (publisher != null) {
                publisher.close();
            }
        }
        if (terminal != null) {
            draw(left, true);
        }
        Duration took = Duration.between(started, clock.instant());
        String summary = String.format(Locale.ROOT, "Backfill of %s: %d files seen, %d published (%d records, %d bytes),"
                        + " %d failed %s, %d left in the folder, in %.1f s", config.inbox(), counters.getSeenFiles(),
                counters.getPublishedFiles(), counters.getPublishedRecords(), counters.getPublishedBytes(),
                counters.getFailedFiles(), counters.getFailedByReason(), left, took.toMillis() / 1000.0);
        out.println(summary);
        out.flush();
        return left == 0 ? 0 : 1;
    }

    IngestCounters counters() {
        return counters;
    }

    /** Runs passes until the folder holds no candidate file; returns how many are left (broker unreachable). */
    private int drainFolder(InboxFolders folders, InboxScanner scanner) throws InterruptedException {
        Duration timeout = config.onceBrokerTimeout();
        int failures = 0;
        Instant lastSuccess = clock.instant();
        while (true) {
            Duration remaining = timeout.minus(Duration.between(lastSuccess, clock.instant()));
            boolean ok;
            try {
                ok = connect(folders, scanner, remaining) && watcher.pass();
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("Cannot scan " + config.inbox(), e instanceof IOException io ? io
                        : ((UncheckedIOException) e).getCause());
            }
            int pending = scanner.candidates();
            if (terminal != null && watcher != null) {
                draw(pending, false);
            }
            Duration wait = config.pollInterval();
            if (ok) {
                failures = 0;
                lastSuccess = clock.instant();
                if (pending == 0) {
                    return 0;
                }
            } else {
                failures++;
                Duration unreachable = Duration.between(lastSuccess, clock.instant());
                if (unreachable.compareTo(timeout) >= 0) {
                    return giveUp(scanner, unreachable);
                }
                Duration backoff = InboxWatcher.backoff(failures, config.pollInterval());
                Duration left = timeout.minus(unreachable);
                wait = backoff.compareTo(left) < 0 ? backoff : left;
            }
            Thread.sleep(wait.toMillis());
        }
    }

    /** Creates the topics, then the producer, once the broker answers; false (logged) while it does not. */
    private boolean connect(InboxFolders folders, InboxScanner scanner, Duration remaining) {
        if (watcher != null) {
            return true;
        }
        Duration attempt = remaining.compareTo(MIN_ATTEMPT) < 0 ? MIN_ATTEMPT
                : remaining.compareTo(MAX_ATTEMPT) > 0 ? MAX_ATTEMPT : remaining;
        try {
            if (!IngestService.ensureTopics(config, attempt)) {
                return false;
            }
            publisher = ArticlePublisher.create(config.common().clientProperties(), config.maxFileBytes());
        } catch (KafkaException e) {
            // the name stopped resolving between the check and the client's construction
            LOG.warn("Cannot connect to the broker {} yet; files wait in {}: {}", config.common().bootstrapServers(),
                    config.inbox(), e.getCause() == null ? e.toString() : e.getCause().toString());
            return false;
        }
        watcher = IngestService.watcher(config, clock, counters, folders, scanner, publisher);
        if (terminal != null) {
            // one line per file would bury the progress bar; rejections are still logged
            watcher.logPublishedFilesAt(Level.DEBUG);
        }
        return true;
    }

    private int giveUp(InboxScanner scanner, Duration unreachable) {
        int left = scanner.countLeft();
        String bootstrap = config.common().bootstrapServers();
        String why = watcher == null && !BrokerWatch.resolves(bootstrap) ? "did not resolve" : "did not answer";
        LOG.error("Giving up: the broker {} {} for {} ({}={}); {} file(s) left in {}, untouched: run the backfill "
                        + "again once the broker is reachable", bootstrap, why,
                String.format(Locale.ROOT, "%.1f s", unreachable.toMillis() / 1000.0),
                IngestConfig.ONCE_BROKER_TIMEOUT_MS_CONFIG, config.onceBrokerTimeout().toMillis(), left, config.inbox());
        return left;
    }

    private void draw(int pending, boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastDrawn < 200_000_000L) {
            return;
        }
        lastDrawn = now;
        long done = counters.getPublishedFiles() + counters.getFailedFiles();
        long total = done + pending;
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        terminal.printf(Locale.ROOT, "\r[%s%s] %d/%d files, %d published, %d failed", "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), done, total, counters.getPublishedFiles(), counters.getFailedFiles());
        if (last) {
            terminal.println();
        }
        terminal.flush();
    }
}
