package dev.khabar.enrich.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;

/**
 * {@code eval extract --dir DIR [--verbose]}: runs the standard extractor over every file in DIR (recursively)
 * that has {@code NAME.gold.json} beside it, and prints per-field accuracy and body line precision, recall and
 * F1, then one JSON line last.
 */
public final class ExtractEval {

    static final List<String> FIELDS = List.of("title", "byline", "published_at", "url", "site", "section");

    private ExtractEval() {
    }

    public static int run(String[] args) {
        Path dir = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dir") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else if (args[i].equals("--verbose")) {
                verbose = true;
            } else {
                System.out.println("usage: eval extract --dir DIR [--verbose]");
                return 2;
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            System.out.println("usage: eval extract --dir DIR [--verbose]  (DIR must be a folder)");
            return 2;
        }
        Report report;
        try {
            report = evaluate(dir, ArticleExtractor.standard(), verbose);
        } catch (IOException e) {
            System.out.println("cannot read " + dir + ": " + e.getMessage());
            return 1;
        }
        if (report.articles == 0) {
            System.out.println("no files with a .gold.json beside them under " + dir);
            return 1;
        }
        System.out.printf(Locale.ROOT, "articles: %d (extraction errors: %d)%n", report.articles, report.errors);
        for (String field : FIELDS) {
            System.out.printf(Locale.ROOT, "%-13s accuracy %.4f (%d/%d)%n", field, report.accuracy(field),
                    report.correct.getOrDefault(field, 0), report.counted.getOrDefault(field, 0));
        }
        System.out.printf(Locale.ROOT, "body lines: gold %d, extracted %d, matched %d%n", report.goldLines,
                report.extractedLines, report.matchedLines);
        System.out.printf(Locale.ROOT, "body line precision %.4f recall %.4f F1 %.4f%n", report.precision(),
                report.recall(), report.f1());
        System.out.println(report.json());
        return 0;
    }

    static Report evaluate(Path dir, ArticleExtractor extractor, boolean verbose) throws IOException {
        Report report = new Report();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".gold.json"))
                    .filter(p -> format(p) != null && Files.exists(goldOf(p)))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            JsonNode gold = Json.mapper().readTree(goldOf(file).toFile());
            String content = Files.readString(file, StandardCharsets.UTF_8);
            RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, file.getFileName().toString(), null,
                    format(file), content);
            Extraction got;
            try {
                got = extractor.extract(raw);
            } catch (IllegalArgumentException e) {
                report.errors++;
                got = new Extraction(null, "", null, null, null, null, null, null, null);
                if (verbose) {
                    System.out.println(file + ": extraction failed: " + e.getMessage());
                }
            }
            report.add(file, gold, got, verbose);
        }
        return report;
    }

    static Format format(Path file) {
        return Format.ofFileName(file.getFileName().toString());
    }

    static Path goldOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".gold.json");
    }

    static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\s\\u00A0]+", " ").strip();
        return n.isEmpty() ? null : n;
    }

    static List<String> lines(String body) {
        List<String> out = new ArrayList<>();
        if (body != null) {
            for (String line : body.split("\\R")) {
                String n = normalize(line);
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Accumulated counts over a folder. */
    static final class Report {
        int articles;
        int errors;
        int goldLines;
        int extractedLines;
        int matchedLines;
        final Map<String, Integer> correct = new LinkedHashMap<>();
        final Map<String, Integer> counted = new LinkedHashMap<>();

        void add(Path file, JsonNode gold, Extraction got, boolean verbose) {
            articles++;
            Map<String, String> extracted = new HashMap<>();
            extracted.put("title", got.title());
            extracted.put("byline", got.byline());
            extracted.put("published_at", got.publishedAt());
            extracted.put("url", got.url());
            extracted.put("site", got.site());
            extracted.put("section", got.section());
            for (String field : FIELDS) {
                if (!gold.has(field)) {
                    continue;
                }
                String expected = normalize(gold.get(field).isNull() ? null : gold.get(field).asText());
                String actual = normalize(extracted.get(field));
                counted.merge(field, 1, Integer::sum);
                if (Objects.equals(expected, actual)) {
                    correct.merge(field, 1, Integer::sum);
                } else if (verbose) {
                    System.out.println(file.getFileName() + ": " + field + " expected <" + expected + "> got <"
                            + actual + ">");
                }
            }
            List<String> expectedLines = lines(gold.path("body").asText(""));
            List<String> actualLines = lines(got.body());
            Map<String, Integer> pool = new HashMap<>();
            expectedLines.forEach(l -> pool.merge(l, 1, Integer::sum));
            int matched = 0;
            for (String line : actualLines) {
                Integer left = pool.get(line);
                if (left != null && left > 0) {
                    pool.put(line, left - 1);
                    matched++;
                } else if (verbose) {
                    System.out.println(file.getFileName() + ": extra line <" + abbreviate(line) + ">");
                }
            }
            if (verbose) {
                pool.forEach((line, left) -> {
                    if (left > 0) {
                        System.out.println(file.getFileName() + ": missing line <" + abbreviate(line) + ">");
                    }
                });
            }
            goldLines += expectedLines.size();
            extractedLines += actualLines.size();
            matchedLines += matched;
        }

        private static String abbreviate(String line) {
            return line.length() <= 90 ? line : line.substring(0, 90) + "…";
        }

        double accuracy(String field) {
            int n = counted.getOrDefault(field, 0);
            return n == 0 ? 0 : (double) correct.getOrDefault(field, 0) / n;
        }

        double precision() {
            return extractedLines == 0 ? 0 : (double) matchedLines / extractedLines;
        }

        double recall() {
            return goldLines == 0 ? 0 : (double) matchedLines / goldLines;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("task", "extract");
            out.put("articles", articles);
            out.put("errors", errors);
            out.put("body_line_precision", round(precision()));
            out.put("body_line_recall", round(recall()));
            out.put("body_line_f1", round(f1()));
            out.put("title_accuracy", round(accuracy("title")));
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String field : FIELDS) {
                if (counted.containsKey(field)) {
                    fields.put(field, round(accuracy(field)));
                }
            }
            out.put("fields", fields);
            try {
                return Json.mapper().writeValueAsString(out);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static double round(double value) {
            return Math.round(value * 10000) / 10000.0;
        }
    }
}
