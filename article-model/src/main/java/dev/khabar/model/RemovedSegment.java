package dev.khabar.model;

/**
 * A piece of the page the extractor left out of the body.
 *
 * @param kind one of {@code boilerplate}, {@code caption_duplicate}, {@code related_article},
 *             {@code share_bar}, {@code disclaimer}, {@code link}
 * @param rule the rule or signal that decided it
 */
public record RemovedSegment(String kind, String text, String rule) {
}
