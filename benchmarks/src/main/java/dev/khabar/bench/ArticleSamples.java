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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.khabar.model.ArticleIds;
import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;

/**
 * Real articles to benchmark on: {@code -Dkhabar.bench.articles=PATH[,PATH...]} names, each, a JSON Lines file
 * with a {@code content} or {@code text} field per line, a CSV file with a header naming a {@code text} or
 * {@code content} column (both optionally gzipped; an optional {@code title} field or column is put first), a
 * single {@code .txt}, {@code .md} or {@code .html} article, or a folder of such files; the default is the
 * repository's five seeds. {@code -Dkhabar.bench.limit=N} caps how many are loaded in all (default 500).
 */
final class ArticleSamples {

    static final String ARTICLES_PROPERTY = "khabar.bench.articles";
    static final String LIMIT_PROPERTY = "khabar.bench.limit";

    private static final CsvMapper CSV = new CsvMapper();

    private ArticleSamples() {
    }

    static List<RawArticle> load() {
        return read(System.getProperty(ARTICLES_PROPERTY, "seeds"), Integer.getInteger(LIMIT_PROPERTY, 500));
    }

    static List<RawArticle> read(String paths, int limit) {
        List<RawArticle> articles = new ArrayList<>();
        for (String part : paths.split(",")) {
            Path path = Path.of(part.trim());
            try {
                if (Files.isDirectory(path)) {
                    folder(path, limit, articles);
                } else {
                    file(path, limit, articles);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read benchmark articles from " + path.toAbsolutePath()
                        + " (run from the repository root or set -D" + ARTICLES_PROPERTY + ")", e);
            }
        }
        if (articles.isEmpty()) {
            throw new IllegalStateException("No articles found in " + paths);
        }
        return articles;
    }

    private static void folder(Path dir, int limit, List<RawArticle> out) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> documentFormat(p) != null).sorted().toList()) {
                file(file, limit, out);
            }
        }
    }

    private static void file(Path file, int limit, List<RawArticle> out) throws IOException {
        if (out.size() >= limit) {
            return;
        }
        Format format = documentFormat(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (format != null) {
            out.add(article(file.getFileName().toString(), format, Files.readString(file)));
        } else if (name.endsWith(".csv")) {
            csv(file, limit, out);
        } else {
            jsonLines(file, limit, out);
        }
    }

    /** The format of an article file (text, Markdown or HTML; JSON files are read as JSON Lines), or null. */
    private static Format documentFormat(Path file) {
        Format format = Format.ofFileName(file.getFileName().toString());
        return format == Format.JSON ? null : format;
    }

    private static void jsonLines(Path file, int limit, List<RawArticle> out) throws IOException {
        try (BufferedReader reader = open(file)) {
            for (String line; out.size() < limit && (line = reader.readLine()) != null; ) {
                JsonNode node = Json.mapper().readTree(line);
                String body = node.has("content") ? node.path("content").asText() : node.path("text").asText();
                add(file, node.path("title").asText(""), body, out);
            }
        }
    }

    /** RFC 4180 CSV with a header row; quoted fields may hold commas, doubled quotes and line breaks. */
    private static void csv(Path file, int limit, List<RawArticle> out) throws IOException {
        try (BufferedReader reader = open(file);
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (out.size() < limit && rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                String body = row.containsKey("content") ? row.get("content") : row.get("text");
                if (body == null) {
                    throw new IllegalArgumentException(file + ": the CSV header has no 'text' or 'content' column: "
                            + row.keySet());
                }
                add(file, row.getOrDefault("title", ""), body, out);
            }
        }
    }

    private static void add(Path file, String title, String body, List<RawArticle> out) {
        if (body != null && !body.isBlank()) {
            String text = title == null || title.isBlank() ? body : title + "\n\n" + body;
            out.add(article(file.getFileName().toString(), Format.TEXT, text));
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static RawArticle article(String fileName, Format format, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = ArticleIds.sha256Hex(bytes);
        String contentType = switch (format) {
            case HTML -> "text/html";
            case MARKDOWN -> "text/markdown";
            case JSON -> "application/json";
            case TEXT -> "text/plain";
        };
        SourceInfo source = new SourceInfo(fileName, bytes.length, sha, contentType, "UTF-8", Instant.EPOCH, null,
                List.of());
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source, format, text);
    }
}
