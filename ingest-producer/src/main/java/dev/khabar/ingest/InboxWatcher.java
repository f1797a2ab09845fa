package dev.khabar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import dev.khabar.model.RawArticle;

/**
 * One pass over the inbox. Each complete file is claimed (moved to {@code .processing/}), read, decoded and sent;
 * it moves to {@code done/} only after the broker acknowledged every record of it. A file that can never be
 * published goes to {@code failed/} with its reason; a file the broker did not acknowledge goes back into the
 * inbox for a later pass. Up to {@link #MAX_IN_FLIGHT_FILES} files (or {@link #MAX_IN_FLIGHT_BYTES}) are in flight
 * at once, and a pass takes at most {@code maxFilesPerPass} files, so memory stays bounded however many files
 * arrive.
 */
final class InboxWatcher {

    static final int MAX_IN_FLIGHT_FILES = 64;
    static final long MAX_IN_FLIGHT_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    /** Opens a file for reading without following links; tests replace it to simulate OS errors. */
    @FunctionalInterface
    interface FileOpener {
        InputStream open(Path file) throws IOException;
    }

    static final FileOpener NO_FOLLOW = file -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);

    private record InFlight(Path claimed, String name, int records, String firstId, long bytes,
                            ArticlePublisher.Sending sending) {
    }

    private final InboxFolders folders;
    private final InboxScanner scanner;
    private final ArticleDecoder decoder;
    private final ArticlePublisher publisher;
    private final long maxFileBytes;
    private final int maxFilesPerPass;
    private final Clock clock;
    private final IngestCounters counters;
    private final FileOpener opener;
    /** Names of files put back into the inbox after a broker failure: already counted as seen. */
    private final Set<String> returned = new HashSet<>();
    /** Names of files that cannot even be moved; logged once. */
    private final Set<String> stuck = new HashSet<>();
    private volatile boolean stopping;
    private Level publishedLevel = Level.INFO;

    InboxWatcher(InboxFolders folders, InboxScanner scanner, ArticleDecoder decoder, ArticlePublisher publisher,
                 long maxFileBytes, int maxFilesPerPass, Clock clock, IngestCounters counters, FileOpener opener) {
        this.folders = folders;
        this.scanner = scanner;
        this.decoder = decoder;
        this.publisher = publisher;
        this.maxFileBytes = maxFileBytes;
        this.maxFilesPerPass = maxFilesPerPass;
        this.clock = clock;
        this.counters = counters;
        this.opener = opener;
    }

    /**
     * Handles up to {@code maxFilesPerPass} ready files once.
     *
     * @return false if the broker did not acknowledge a file (the caller backs off)
     */
    boolean pass() throws IOException {
        List<InFlight> inFlight = new ArrayList<>();
        long inFlightBytes = 0;
        boolean brokerUp = true;
        try {
            for (Path file : scanner.scan(maxFilesPerPass)) {
                if (stopping) {
                    break;
                }
                InFlight sent = start(file);
                if (sent == null) {
                    continue;
                }
                inFlight.add(sent);
                inFlightBytes += sent.bytes();
                if (inFlight.size() >= MAX_IN_FLIGHT_FILES || inFlightBytes >= MAX_IN_FLIGHT_BYTES) {
                    brokerUp = drain(inFlight);
                    inFlightBytes = 0;
                    if (!brokerUp) {
                        break;
                    }
                }
            }
        } finally {
            // whatever happened, nothing sent is left without its outcome
            brokerUp &= drain(inFlight);
        }
        return brokerUp;
    }

    /**
     * Candidate files the last scan found and this pass did not finish: not yet stable, beyond the batch, or put
     * back after a broker failure (those stay known as stable, so the next pass retries them at once).
     */
    int pending() {
        return scanner.candidates();
    }

    /** The level of the one line logged per published file (a backfill on a terminal lowers it to DEBUG). */
    InboxWatcher logPublishedFilesAt(Level level) {
        this.publishedLevel = level;
        return this;
    }

    /** Makes a running pass stop after the files already in flight. */
    void stop() {
        stopping = true;
    }

    /** Claims, reads, decodes and sends one file; null if it was rejected or is gone. */
    private InFlight start(Path file) throws IOException {
        String name = folders.nameOf(file);
        Path claimed;
        try {
            claimed = folders.claim(file);
        } catch (NoSuchFileException gone) {
            LOG.debug("{} left the inbox before it was read", name);
            return null;
        } catch (IOException e) {
            scanner.forget(file);
            if (stuck.add(name)) {
                LOG.error("Cannot move {} out of the inbox, leaving it there: {}", name, e.toString());
            }
            return null;
        }
        stuck.remove(name);
        if (!returned.contains(name)) {
            counters.seen();
        }
        try {
            byte[] bytes = read(claimed, name);
            List<RawArticle> articles = decoder.decode(name, bytes, clock.instant());
            return new InFlight(claimed, name, articles.size(), articles.get(0).id(), bytes.length,
                    publisher.send(articles));
        } catch (RejectedFileException e) {
            reject(claimed, name, e);
            return null;
        }
    }

    private void reject(Path claimed, String name, RejectedFileException e) {
        try {
            Path target = folders.moveToFailed(claimed, e.reason(), e.getMessage(), clock.instant());
            counters.failed(e.reason());
            LOG.warn("Rejected {} ({}): {}; moved to {}", name, e.reason().code(), e.getMessage(), target);
        } catch (IOException io) {
            LOG.error("Rejected {} ({}: {}) but cannot move it to failed/: {}; it is retried at the next start",
                    name, e.reason().code(), e.getMessage(), io.toString());
        }
        returned.remove(name);
        scanner.forget(folders.inbox().resolve(name));
    }

    /**
     * Waits for every file in flight and moves each to where it belongs; false if the broker failed any. A file that
     * cannot be moved stays in {@code .processing/} and is reclaimed at the next start.
     */
    private boolean drain(List<InFlight> inFlight) {
        boolean brokerUp = true;
        for (InFlight file : inFlight) {
            try {
                List<RecordMetadata> acked = publisher.await(file.sending());
                returned.remove(file.name());
                scanner.forget(folders.inbox().resolve(file.name()));
                Path target;
                try {
                    target = folders.moveToDone(file.claimed());
                } catch (IOException e) {
                    // published but not moved: it stays in .processing/ and is reclaimed (and harmlessly
                    // re-published under the same id) at the next start
                    LOG.error("Published {} but cannot move it to done/: {}", file.name(), e.toString());
                    continue;
                }
                counters.published(file.records(), file.bytes());
                RecordMetadata first = acked.get(0);
                LOG.atLevel(publishedLevel).log("Published {} -> id {} ({} record{}) at {}-{}@{}; moved to {}",
                        file.name(), file.firstId(), file.records(), file.records() == 1 ? "" : "s", first.topic(),
                        first.partition(), first.offset(), target);
            } catch (RejectedFileException e) {
                reject(file.claimed(), file.name(), e);
            } catch (ArticlePublisher.PublishException e) {
                brokerUp = false;
                counters.retried();
                try {
                    String name = folders.nameOf(folders.release(file.claimed()));
                    returned.add(name);
                    LOG.warn("Cannot publish {} now, put it back into the inbox as {}: {}", file.name(), name,
                            e.getMessage());
                } catch (IOException io) {
                    LOG.error("Cannot publish {} now ({}) nor put it back into the inbox: {}; it is retried at the "
                            + "next start", file.name(), e.getMessage(), io.toString());
                }
            }
        }
        inFlight.clear();
        return brokerUp;
    }

    private byte[] read(Path claimed, String name) throws RejectedFileException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(claimed, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                Path link = folders.inbox().resolve(name);
                Path target = link.getParent().resolve(Files.readSymbolicLink(claimed)).normalize();
                throw new RejectedFileException(RejectReason.OUTSIDE_INBOX, "A symbolic link (to " + target + ", "
                        + (target.startsWith(folders.inbox()) ? "inside" : "outside") + " the inbox) is never "
                        + "followed; move or copy the file itself into the inbox");
            }
            if (!attrs.isRegularFile()) {
                throw new RejectedFileException(RejectReason.NOT_TEXT, "Not a regular file");
            }
            if (attrs.size() > maxFileBytes) {
                throw tooLarge(attrs.size());
            }
            try (InputStream in = opener.open(claimed)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
                if (bytes.length > maxFileBytes) {
                    throw tooLarge(bytes.length);
                }
                return bytes;
            }
        } catch (AccessDeniedException e) {
            throw new RejectedFileException(RejectReason.UNREADABLE, "Permission denied by the operating system "
                    + "(" + e.getClass().getSimpleName() + (e.getReason() == null ? "" : ": " + e.getReason())
                    + "); make the file readable by the user running ingest-producer", e);
        } catch (FileSystemException e) {
            throw new RejectedFileException(RejectReason.UNREADABLE, "The operating system refused to read it: "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()), e);
        } catch (IOException e) {
            throw new RejectedFileException(RejectReason.UNREADABLE, "Cannot read the file: " + e.getMessage(), e);
        }
    }

    private RejectedFileException tooLarge(long size) {
        return new RejectedFileException(RejectReason.TOO_LARGE,
                "The file has " + size + " bytes; the limit is " + maxFileBytes + " (max.file.bytes)");
    }

    /** Back-off between passes while the broker is unreachable: doubling from the poll interval up to 30 s. */
    static Duration backoff(int failures, Duration pollInterval) {
        long millis = Math.min(30_000, pollInterval.toMillis() * (1L << Math.min(failures, 6)));
        return Duration.ofMillis(millis);
    }
}
