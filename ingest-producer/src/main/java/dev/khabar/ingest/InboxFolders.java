package dev.khabar.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.khabar.model.Json;

/** Moves files out of the inbox into {@code done/} or {@code failed/}, never overwriting an earlier file. */
final class InboxFolders {

    private final Path inbox;
    private final Path done;
    private final Path failed;

    InboxFolders(Path inbox, Path done, Path failed) {
        this.inbox = inbox;
        this.done = done;
        this.failed = failed;
    }

    /** Creates the folders and checks each is writable by writing a probe file. */
    void prepare() throws IOException {
        for (Path dir : new Path[] {inbox, done, failed}) {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".khabar-probe", ".tmp");
            Files.delete(probe);
        }
    }

    Path inbox() {
        return inbox;
    }

    Path moveToDone(Path file) throws IOException {
        return moveInto(file, done);
    }

    /** Moves the file to {@code failed/} and writes {@code NAME.error.json} beside it. */
    Path moveToFailed(Path file, RejectReason reason, String message, Instant at) throws IOException {
        Path target = moveInto(file, failed);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("file", inbox.relativize(file).toString());
        error.put("reason", reason.code());
        error.put("message", message);
        error.put("failed_at", at.toString());
        Path errorFile = target.resolveSibling(target.getFileName() + ".error.json");
        Path tmp = errorFile.resolveSibling("." + errorFile.getFileName() + ".tmp");
        Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(error));
        Files.move(tmp, errorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private Path moveInto(Path file, Path folder) throws IOException {
        Path relative = inbox.relativize(file);
        Path target = folder.resolve(relative);
        Files.createDirectories(target.getParent());
        for (int n = 1; ; n++) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(errorFileOf(target))) {
                try {
                    return move(file, target);
                } catch (FileAlreadyExistsException raced) {
                    // another writer took the name first: try the next one
                }
            }
            target = target.resolveSibling(numbered(relative.getFileName().toString(), n));
        }
    }

    private static Path errorFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".error.json");
    }

    private static Path move(Path file, Path target) throws IOException {
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(file, target);
        }
    }

    /** {@code article.txt} becomes {@code article (1).txt}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + " (" + n + ")" : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }
}
