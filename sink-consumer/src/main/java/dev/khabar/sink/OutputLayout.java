package dev.khabar.sink;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.khabar.model.EnrichedArticle;

/**
 * The folders an article's file goes in below {@code out/}: nothing (flat), the ingest date as
 * {@code YYYY/MM/DD}, the language code, or both in the configured order.
 */
record OutputLayout(List<Part> parts) {

    enum Part {
        DATE, LANGUAGE;

        static Part parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    static final OutputLayout FLAT = new OutputLayout(List.of());
    private static final Pattern SAFE_LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    OutputLayout {
        parts = List.copyOf(parts);
    }

    /** The folder below {@code outDir} for {@code article}. */
    Path directory(Path outDir, EnrichedArticle article, long recordTimestamp) {
        Path dir = outDir;
        for (Part part : parts) {
            dir = switch (part) {
                case DATE -> dir.resolve(datePath(ingestDate(article, recordTimestamp)));
                case LANGUAGE -> dir.resolve(language(article));
            };
        }
        return dir;
    }

    /** The UTC day the article was ingested, else the day of its Kafka record. */
    static LocalDate ingestDate(EnrichedArticle article, long recordTimestamp) {
        Instant at = article.source() != null && article.source().ingestedAt() != null
                ? article.source().ingestedAt() : Instant.ofEpochMilli(Math.max(0, recordTimestamp));
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static String datePath(LocalDate date) {
        return String.format(Locale.ROOT, "%04d/%02d/%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static String language(EnrichedArticle article) {
        String code = article.language() != null ? article.language().code() : null;
        return code != null && SAFE_LANGUAGE.matcher(code).matches() ? code.toLowerCase(Locale.ROOT) : "und";
    }
}
