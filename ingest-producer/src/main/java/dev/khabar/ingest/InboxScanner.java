package dev.khabar.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds files in the inbox that are complete: unchanged (size and modification time) since the previous scan and
 * older than a minimum age. Hidden files and names ending in {@code .tmp}, {@code .part} or {@code .crdownload}
 * are left alone until renamed. Polling works on every file system, bind mounts included.
 *
 * <p>A scan tracks at most {@code maxTracked} files, so an inbox holding a million files costs bounded memory: the
 * rest are found by later scans as earlier ones leave the inbox.
 */
final class InboxScanner {

    private static final Logger LOG = LoggerFactory.getLogger(InboxScanner.class);

    private record Seen(long size, Instant modified) {
    }

    private final Path inbox;
    private final Duration minAge;
    private final boolean walkSubfolders;
    private final int maxTracked;
    private final Clock clock;
    private final Set<Path> unlistable = new HashSet<>();
    private Map<Path, Seen> previous = new HashMap<>();

    InboxScanner(Path inbox, Duration minAge, boolean walkSubfolders, int maxTracked, Clock clock) {
        this.inbox = inbox;
        this.minAge = minAge;
        this.walkSubfolders = walkSubfolders;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /**
     * Files ready to ingest now, at most {@code limit} of them, in name order; symbolic links are returned as they
     * are, never followed.
     */
    List<Path> scan(int limit) throws IOException {
        Map<Path, Seen> current = new HashMap<>();
        List<Path> ready = new ArrayList<>();
        Instant now = clock.instant();
        collect(inbox, current, true);
        for (Map.Entry<Path, Seen> entry : current.entrySet()) {
            Seen seen = entry.getValue();
            boolean stable = seen.equals(previous.get(entry.getKey()));
            boolean oldEnough = !seen.modified().plus(minAge).isAfter(now);
            if (stable && oldEnough) {
                ready.add(entry.getKey());
            }
        }
        previous = current;
        ready.sort(null);
        return ready.size() > limit ? new ArrayList<>(ready.subList(0, limit)) : ready;
    }

    /** How many candidate files (ready or not yet stable) the last scan found, at most {@code maxTracked}. */
    int candidates() {
        return previous.size();
    }

    /** Scans once more and counts the candidate files still in the inbox (at most {@code maxTracked}). */
    int countLeft() {
        try {
            scan(0);
            return candidates();
        } catch (IOException e) {
            LOG.warn("Cannot count the files left in {}: {}", inbox, e.toString());
            return Math.max(1, candidates());
        }
    }

    /** Forgets a file, so a new file of the same name must again prove stable. */
    void forget(Path file) {
        previous.remove(file);
    }

    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".crdownload");
    }

    private void collect(Path dir, Map<Path, Seen> into, boolean top) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (into.size() >= maxTracked) {
                    return;
                }
                if (ignored(entry.getFileName().toString())) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException vanished) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    if (walkSubfolders) {
                        collect(entry, into, false);
                    }
                } else if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    into.put(entry, new Seen(attrs.size(), attrs.lastModifiedTime().toInstant()));
                } else {
                    LOG.debug("Skipping {}: neither a file nor a folder", entry);
                }
            }
        } catch (IOException e) {
            if (top) {
                throw e;
            }
            // one unreadable sub-folder must not stop the inbox; say so once, not at every scan
            if (unlistable.add(dir)) {
                LOG.warn("Cannot list the sub-folder {}, leaving it alone: {}", dir, e.toString());
            }
        }
    }
}
