package dev.khabar.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.ArticleIds;
import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;

/**
 * Real articles to benchmark on: {@code -Dkhabar.bench.articles=PATH} names a JSON Lines file (optionally
 * gzipped) with a {@code content} or {@code text} field per line, or a folder of {@code .txt} files; the default
 * is the repository's five seeds. {@code -Dkhabar.bench.limit=N} caps how many are loaded (default 500).
 */
final class ArticleSamples {

    static final String ARTICLES_PROPERTY = "khabar.bench.articles";
    static final String LIMIT_PROPERTY = "khabar.bench.limit";

    private ArticleSamples() {
    }

    static List<RawArticle> load() {
        Path path = Path.of(System.getProperty(ARTICLES_PROPERTY, "seeds"));
        int limit = Integer.getInteger(LIMIT_PROPERTY, 500);
        try {
            List<String> texts = Files.isDirectory(path) ? folder(path, limit) : jsonLines(path, limit);
            if (texts.isEmpty()) {
                throw new IllegalStateException("No articles found in " + path.toAbsolutePath());
            }
            List<RawArticle> articles = new ArrayList<>(texts.size());
            for (String text : texts) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                String sha = ArticleIds.sha256Hex(bytes);
                SourceInfo source = new SourceInfo("bench.txt", bytes.length, sha, "text/plain", "UTF-8",
                        Instant.EPOCH, null, List.of());
                articles.add(new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source, Format.TEXT, text));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read benchmark articles from " + path.toAbsolutePath()
                    + " (run from the repository root or set -D" + ARTICLES_PROPERTY + ")", e);
        }
    }

    private static List<String> folder(Path dir, int limit) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().limit(limit).toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }

    private static List<String> jsonLines(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> texts = new ArrayList<>();
            for (String line; texts.size() < limit && (line = reader.readLine()) != null; ) {
                JsonNode node = Json.mapper().readTree(line);
                String title = node.path("title").asText("");
                String body = node.has("content") ? node.path("content").asText() : node.path("text").asText();
                if (!body.isBlank()) {
                    texts.add(title.isBlank() ? body : title + "\n\n" + body);
                }
            }
            return texts;
        }
    }
}
