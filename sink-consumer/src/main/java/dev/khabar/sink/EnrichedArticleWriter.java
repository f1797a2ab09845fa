package dev.khabar.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectWriter;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Json;

/**
 * Writes one article to {@code OUT/<id>.json}: to a temporary file, forced to disk, then renamed over the target,
 * so a reader or a crash sees the whole record or none. Writing the same article again is harmless.
 */
public final class EnrichedArticleWriter {

    private static final Pattern SAFE_ID = Pattern.compile("[0-9A-Za-z_-]{1,128}");

    private final Path outDir;
    private final ObjectWriter json = Json.mapper().writerWithDefaultPrettyPrinter();

    public EnrichedArticleWriter(Path outDir) {
        this.outDir = outDir;
    }

    public void prepare() throws IOException {
        Files.createDirectories(outDir);
        Path probe = Files.createTempFile(outDir, ".khabar-probe", ".tmp");
        Files.delete(probe);
    }

    public Path write(EnrichedArticle article) throws IOException {
        if (!SAFE_ID.matcher(article.id()).matches()) {
            throw new IllegalArgumentException("Unsafe article id for a file name: " + article.id());
        }
        Path target = outDir.resolve(article.id() + ".json");
        Path tmp = outDir.resolve("." + article.id() + ".json.tmp");
        byte[] bytes = json.writeValueAsBytes(article);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
        return target;
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(outDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }
}
