package dev.khabar.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * {@code --once DIR}: publishes every file of a folder with the inbox's rules (files go to {@code done/} or
 * {@code failed/}, so a second run resumes where the first stopped), draws a progress bar when attached to a
 * terminal, prints a summary and returns an exit code: 0 when every file was published or rejected, 1 when files
 * are left because the broker stayed unreachable for {@link #GIVE_UP_AFTER}.
 */
final class Backfill {

    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    private static final int BAR_WIDTH = 30;

    private final IngestConfig config;
    private final Clock clock;
    private final PrintWriter terminal;
    private final PrintWriter out;
    private final IngestCounters counters = new IngestCounters();
    private long lastDrawn;

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
        int left;
        try (ArticlePublisher publisher = ArticlePublisher.create(config.common().clientProperties(),
                config.maxFileBytes())) {
            InboxWatcher watcher = IngestService.watcher(config, clock, counters, folders, publisher);
            if (terminal != null) {
                // one line per file would bury the progress bar; rejections are still logged
                watcher.logPublishedFilesAt(Level.DEBUG);
            }
            left = drainFolder(watcher);
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

    /** Runs passes until the folder holds no candidate file; returns how many are left (broker gone). */
    private int drainFolder(InboxWatcher watcher) throws InterruptedException {
        boolean topicsReady = false;
        int failures = 0;
        Instant lastSuccess = clock.instant();
        while (true) {
            boolean ok;
            try {
                topicsReady = topicsReady || IngestService.ensureTopics(config);
                ok = topicsReady && watcher.pass();
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("Cannot scan " + config.inbox(), e instanceof IOException io ? io
                        : ((UncheckedIOException) e).getCause());
            }
            int pending = watcher.pending();
            if (terminal != null) {
                draw(pending, false);
            }
            if (ok) {
                failures = 0;
                lastSuccess = clock.instant();
                if (pending == 0) {
                    return 0;
                }
            } else {
                failures++;
                if (Duration.between(lastSuccess, clock.instant()).compareTo(GIVE_UP_AFTER) > 0) {
                    LOG.error("The broker at {} has been unreachable for {}; giving up",
                            config.common().bootstrapServers(), GIVE_UP_AFTER);
                    return watcher.countLeft();
                }
            }
            Thread.sleep((failures == 0 ? config.pollInterval() : InboxWatcher.backoff(failures, config.pollInterval()))
                    .toMillis());
        }
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
