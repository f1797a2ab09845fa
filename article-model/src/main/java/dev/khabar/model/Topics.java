package dev.khabar.model;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic Khabar reads or writes. Keys are article ids. */
public final class Topics {

    /**
     * Largest record (after compression) every Khabar topic accepts; the broker default of about 1 MB would refuse
     * large HTML pages that the inbox accepts ({@code max.file.bytes}, default 10 MiB).
     */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    public static final Topic<String, RawArticle> RAW = new Topic<>("articles.raw",
            Serdes.String(), new JsonSerde<>(RawArticle.class), Duration.ofDays(30),
            "every file or JSON Lines record published by ingest-producer, decoded to text");
    public static final Topic<String, EnrichedArticle> ENRICHED = new Topic<>("articles.enriched",
            Serdes.String(), new JsonSerde<>(EnrichedArticle.class), Duration.ofDays(30),
            "each unique article, cleaned, language-tagged and entity-enriched");
    public static final Topic<String, DuplicateRecord> DUPLICATES = new Topic<>("articles.duplicates",
            Serdes.String(), new JsonSerde<>(DuplicateRecord.class), Duration.ofDays(30),
            "each later copy of an article, pointing to the first one");
    public static final Topic<byte[], byte[]> DLQ = new Topic<>("articles.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), Duration.ofDays(30),
            "records enrich-streams could not process, as they arrived, with the cause in headers");

    private static final List<Topic<?, ?>> ALL = List.of(RAW, ENRICHED, DUPLICATES, DLQ);

    private Topics() {
    }

    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /** The serde of the article id keys. */
    public static Serde<String> keySerde() {
        return Serdes.String();
    }
}
