package dev.khabar.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.khabar.model.Json;

/**
 * The folders a file passes through: {@code inbox/} &rarr; {@code inbox/.processing/} (claimed, being published)
 * &rarr; {@code done/} or {@code failed/}. Every step is a rename, so a crash leaves each file in exactly one
 * place; files found in {@code .processing/} at start-up are put back into the inbox. A name clash never
 * overwrites an earlier file: {@code article.txt} becomes {@code article (1).txt}.
 */
final class InboxFolders {

    static final String PROCESSING = ".processing";

    private final Path inbox;
    private final Path processing;
    private final Path done;
    private final Path failed;

    InboxFolders(Path inbox, Path done, Path failed) {
        this.inbox = inbox;
        this.processing = inbox.resolve(PROCESSING);
        this.done = done;
        this.failed = failed;
    }

    /** Creates the folders and checks each is writable by writing a probe file. */
    void prepare() throws IOException {
        for (Path dir : new Path[] {inbox, processing, done, failed}) {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".khabar-probe", ".tmp");
            Files.delete(probe);
        }
    }

    Path inbox() {
        return inbox;
    }

    /** The file's name relative to the inbox, wherever it is now (inbox or {@code .processing/}). */
    String nameOf(Path file) {
        return relative(file).toString();
    }

    /** Moves a file of the inbox into {@code .processing/}: from now on no scan sees it. */
    Path claim(Path file) throws IOException {
        Path target = processing.resolve(inbox.relativize(file));
        Files.createDirectories(target.getParent());
        return moveUnique(file, target, false);
    }

    /** Puts a claimed file back where it was in the inbox (under a numbered name if that name was taken since). */
    Path release(Path claimed) throws IOException {
        Path target = inbox.resolve(processing.relativize(claimed));
        Files.createDirectories(target.getParent());
        return moveUnique(claimed, target, false);
    }

    /** Moves every file left in {@code .processing/} by an earlier run back into the inbox. */
    List<Path> reclaim() throws IOException {
        List<Path> reclaimed = new ArrayList<>();
        if (!Files.isDirectory(processing, LinkOption.NOFOLLOW_LINKS)) {
            return reclaimed;
        }
        List<Path> left;
        try (Stream<Path> walk = Files.walk(processing)) {
            left = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path file : left) {
            reclaimed.add(release(file));
        }
        try (Stream<Path> walk = Files.walk(processing)) {
            for (Path dir : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(processing)).toList()) {
                Files.deleteIfExists(dir);
            }
        }
        return reclaimed;
    }

    Path moveToDone(Path file) throws IOException {
        return moveInto(file, done);
    }

    /** Moves the file to {@code failed/} and writes {@code NAME.error.json} beside it. */
    Path moveToFailed(Path file, RejectReason reason, String message, Instant at) throws IOException {
        String name = nameOf(file);
        Path target = moveInto(file, failed);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("file", name);
        error.put("reason", reason.code());
        error.put("message", message);
        error.put("failed_at", at.toString());
        Path errorFile = errorFileOf(target);
        Path tmp = errorFile.resolveSibling("." + errorFile.getFileName() + ".tmp");
        Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(error));
        move(tmp, errorFile, true);
        return target;
    }

    private Path relative(Path file) {
        return file.startsWith(processing) ? processing.relativize(file) : inbox.relativize(file);
    }

    private Path moveInto(Path file, Path folder) throws IOException {
        Path target = folder.resolve(relative(file));
        Files.createDirectories(target.getParent());
        return moveUnique(file, target, true);
    }

    private static Path moveUnique(Path file, Path wanted, boolean withErrorFile) throws IOException {
        String name = wanted.getFileName().toString();
        Path target = wanted;
        for (int n = 1; ; n++) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !(withErrorFile && Files.exists(errorFileOf(target), LinkOption.NOFOLLOW_LINKS))) {
                try {
                    return move(file, target, false);
                } catch (FileAlreadyExistsException raced) {
                    // another writer took the name first: try the next one
                }
            }
            target = wanted.resolveSibling(numbered(name, n));
        }
    }

    private static Path errorFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".error.json");
    }

    /**
     * Renames atomically. Across file systems (done/ on another mount) it falls back to copy-and-delete, which
     * refuses to replace an existing target unless {@code replace} is set.
     */
    private static Path move(Path file, Path target, boolean replace) throws IOException {
        try {
            if (replace) {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return replace ? Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS)
                    : Files.move(file, target, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** {@code article.txt} becomes {@code article (1).txt}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + " (" + n + ")" : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }
}
