package dev.khabar.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.RawArticle;

/**
 * One pass over the inbox: each complete file is decoded and published, and moved to {@code done/} only after the
 * broker acknowledged every record of it; a file that can never be published goes to {@code failed/} with its
 * reason; a file that could not be published now (broker down) stays in the inbox for the next pass.
 */
final class InboxWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    private final InboxFolders folders;
    private final InboxScanner scanner;
    private final ArticleDecoder decoder;
    private final ArticlePublisher publisher;
    private final long maxFileBytes;
    private final Clock clock;
    private final IngestCounters counters;

    InboxWatcher(InboxFolders folders, InboxScanner scanner, ArticleDecoder decoder, ArticlePublisher publisher,
                 long maxFileBytes, Clock clock, IngestCounters counters) {
        this.folders = folders;
        this.scanner = scanner;
        this.decoder = decoder;
        this.publisher = publisher;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Handles every ready file once.
     *
     * @return false if the broker could not be reached (the caller backs off)
     */
    boolean pass() throws IOException {
        for (Path file : scanner.scan()) {
            if (!handle(file)) {
                return false;
            }
        }
        return true;
    }

    private boolean handle(Path file) throws IOException {
        String name = folders.inbox().relativize(file).toString();
        counters.seen();
        try {
            List<RawArticle> articles = decoder.decode(name, read(file), clock.instant());
            List<RecordMetadata> acked = publisher.publishAll(articles);
            Path target = folders.moveToDone(file);
            scanner.forget(file);
            long bytes = articles.get(0).source().size();
            counters.published(articles.size(), bytes);
            RecordMetadata first = acked.get(0);
            LOG.info("Published {} -> id {} ({} record{}) at {}-{}@{}; moved to {}", name, articles.get(0).id(),
                    articles.size(), articles.size() == 1 ? "" : "s", first.topic(), first.partition(), first.offset(),
                    target);
            return true;
        } catch (RejectedFileException e) {
            Path target = folders.moveToFailed(file, e.reason(), e.getMessage(), clock.instant());
            scanner.forget(file);
            counters.failed(e.reason());
            LOG.warn("Rejected {} ({}): {}; moved to {}", name, e.reason().code(), e.getMessage(), target);
            return true;
        } catch (ArticlePublisher.PublishException e) {
            LOG.warn("Cannot publish {} now, keeping it in the inbox: {}", name, e.getMessage());
            return false;
        }
    }

    private byte[] read(Path file) throws RejectedFileException {
        if (Files.isSymbolicLink(file)) {
            throw new RejectedFileException(RejectReason.OUTSIDE_INBOX,
                    "Symbolic links are never followed; copy or move the file itself into the inbox");
        }
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new RejectedFileException(RejectReason.TOO_LARGE,
                        "The file has " + size + " bytes; the limit is " + maxFileBytes + " (max.file.bytes)");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new RejectedFileException(RejectReason.NOT_TEXT, "Not a regular file");
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new RejectedFileException(RejectReason.UNREADABLE, "Permission denied: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RejectedFileException(RejectReason.UNREADABLE, "Cannot read the file: " + e, e);
        }
    }

    /** Back-off between passes while the broker is unreachable. */
    static Duration backoff(int failures, Duration pollInterval) {
        long millis = Math.min(30_000, pollInterval.toMillis() * (1L << Math.min(failures, 6)));
        return Duration.ofMillis(millis);
    }
}
