package dev.khabar.model;

/**
 * One article as published to {@code articles.raw}: decoded text, not yet cleaned.
 *
 * @param id      stable id derived from the article's bytes ({@link ArticleIds#fromSha256})
 * @param content the decoded text: plain text, Markdown, the whole HTML page, or one JSON object
 */
public record RawArticle(int schemaVersion, String id, SourceInfo source, Format format, String content) {

    public static final int SCHEMA_VERSION = 1;
}
