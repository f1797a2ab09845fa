package dev.khabar.model;

/**
 * A mention of a named entity in the body.
 *
 * @param type   {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION} or {@code MISC}
 * @param start  code-point offset of the first character in the body
 * @param end    code-point offset just past the last character
 * @param source {@code model}, {@code gazetteer} or {@code rule}
 */
public record Entity(String text, String type, int start, int end, double confidence, String source) {
}
