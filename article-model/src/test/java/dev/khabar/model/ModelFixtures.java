package dev.khabar.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

final class ModelFixtures {

    static final Instant INGESTED = Instant.parse("2026-11-23T10:15:30.123Z");

    private ModelFixtures() {
    }

    static SourceInfo source(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SourceInfo("خبر 1.txt", bytes.length, ArticleIds.sha256Hex(bytes), "text/plain", "UTF-8",
                INGESTED, null, List.of());
    }

    static RawArticle raw(String text) {
        SourceInfo source = source(text);
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(source.sha256()), source, Format.TEXT, text);
    }

    static EnrichedArticle enriched(String body) {
        RawArticle raw = raw(body);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), raw.source(), "عنوان", body,
                "أنس البار", "2024-06-17", null, "مصدرنا", "أمن", Map.of("tags", List.of("iraq")),
                List.of(new RemovedSegment("share_bar", "0 تعليق ارسل طباعة", "share-bar-phrases")),
                new Language("ar", 0.99, "Arab", new Language.LanguageGuess("en", 0.8),
                        List.of(new Language.LanguageShare("ar", 0.9), new Language.LanguageShare("en", 0.1))),
                List.of(new Entity("داعش", "ORGANIZATION", 0, 4, 0.9, "gazetteer", 0)),
                new Dedup(Dedup.UNIQUE, "ab12"),
                new Pipeline("0.1.0", INGESTED.plusSeconds(1), Map.of("ner.ar", "gazetteer-1")),
                List.of(new CanonicalEntity("org:isis", "داعش", "ORGANIZATION", 1, 0, List.of("داعش"), 0.9),
                        new CanonicalEntity(null, "أنس البار", "PERSON", 1, 0, List.of("أنس البار"), 0.8)),
                List.of(new DateExpression("17 حزيران/يونيو 2024", 0, 20, "2024-06-17", false, "gregorian"),
                        new DateExpression("أمس", 0, 3, "2024-06-16", true, "gregorian"),
                        new DateExpression("حزيران 2024", 0, 11, "2024-06", false, "gregorian")),
                List.of(new Quantity("250 و350 مستشارا", 0, 16, new BigDecimal("250"), new BigDecimal("350"), "count",
                                "مستشار"),
                        new Quantity("$1.2bn", 0, 6, new BigDecimal("1200000000"), null, "currency", "USD")));
    }
}
