package dev.khabar.model;

/** Kafka header names carrying source metadata on {@code articles.raw}. */
public final class SourceHeaders {

    public static final String FILE_NAME = "khabar.file.name";
    public static final String SHA256 = "khabar.sha256";
    public static final String CONTENT_TYPE = "khabar.content.type";
    public static final String CHARSET = "khabar.charset";
    public static final String INGESTED_AT = "khabar.ingested.at";

    private SourceHeaders() {
    }
}
