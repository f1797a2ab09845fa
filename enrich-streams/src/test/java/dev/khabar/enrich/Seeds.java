package dev.khabar.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.khabar.model.ArticleIds;
import dev.khabar.model.Format;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;

/** The five sample articles in the repository's {@code seeds/} folder, as raw records. */
final class Seeds {

    static final Path DIR = Path.of("..", "seeds");

    private Seeds() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawArticle raw(Path file, String asName) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = ArticleIds.sha256Hex(bytes);
            SourceInfo source = new SourceInfo(asName, bytes.length, sha, "text/plain", "UTF-8",
                    Instant.parse("2026-11-23T10:00:00Z"), null, List.of());
            return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source, Format.TEXT,
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
