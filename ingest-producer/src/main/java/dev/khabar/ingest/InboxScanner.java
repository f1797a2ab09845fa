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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds files in the inbox that are complete: unchanged (size and modification time) since the previous scan and
 * older than a minimum age. Hidden files and names ending in {@code .tmp}, {@code .part} or {@code .crdownload}
 * are left alone until renamed. Polling works on every file system, bind mounts included.
 */
final class InboxScanner {

    private static final Logger LOG = LoggerFactory.getLogger(InboxScanner.class);

    private record Seen(long size, Instant modified) {
    }

    private final Path inbox;
    private final Duration minAge;
    private final boolean walkSubfolders;
    private final Clock clock;
    private Map<Path, Seen> previous = new HashMap<>();

    InboxScanner(Path inbox, Duration minAge, boolean walkSubfolders, Clock clock) {
        this.inbox = inbox;
        this.minAge = minAge;
        this.walkSubfolders = walkSubfolders;
        this.clock = clock;
    }

    /** Files ready to ingest now, in name order; symbolic links are returned as they are, never followed. */
    List<Path> scan() throws IOException {
        Map<Path, Seen> current = new HashMap<>();
        List<Path> ready = new ArrayList<>();
        Instant now = clock.instant();
        collect(inbox, current);
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
        return ready;
    }

    /** Forgets a file, so a new file of the same name must again prove stable. */
    void forget(Path file) {
        previous.remove(file);
    }

    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".crdownload");
    }

    private void collect(Path dir, Map<Path, Seen> into) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
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
                        collect(entry, into);
                    }
                } else if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    into.put(entry, new Seen(attrs.size(), attrs.lastModifiedTime().toInstant()));
                } else {
                    LOG.debug("Skipping {}: neither a file nor a folder", entry);
                }
            }
        }
    }
}
