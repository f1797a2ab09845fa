package dev.khabar.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectWriter;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Json;

/**
 * Writes one article to {@code OUT/[layout folders/]<id>.json}: to a temporary file, forced to disk, then renamed
 * over the target, so a reader or a crash sees the whole record or none. Writing the same article again is
 * harmless and leaves identical content.
 */
public final class EnrichedArticleWriter {

    static final Pattern SAFE_ID = Pattern.compile("[0-9A-Za-z_-]{1,128}");

    private final Path outDir;
    private final OutputLayout layout;
    private final ObjectWriter json = Json.mapper().writerWithDefaultPrettyPrinter();

    public EnrichedArticleWriter(Path outDir) {
        this(outDir, OutputLayout.FLAT);
    }

    EnrichedArticleWriter(Path outDir, OutputLayout layout) {
        this.outDir = outDir;
        this.layout = layout;
    }

    /** Creates the folder and checks it is writable by writing a probe file. */
    public void prepare() throws IOException {
        Files.createDirectories(outDir);
        Path probe = Files.createTempFile(outDir, ".khabar-probe", ".tmp");
        Files.delete(probe);
    }

    public Path write(EnrichedArticle article) throws IOException {
        return write(article, 0L);
    }

    /** @param recordTimestamp the Kafka record's time, for the date folder of an article without an ingest time */
    Path write(EnrichedArticle article, long recordTimestamp) throws IOException {
        if (!SAFE_ID.matcher(article.id()).matches()) {
            throw new IllegalArgumentException("Unsafe article id for a file name: " + article.id());
        }
        Path target = layout.directory(outDir, article, recordTimestamp).resolve(article.id() + ".json");
        return DurableFile.write(target, json.writeValueAsBytes(article));
    }
}
