package dev.khabar.model;

/**
 * A mention of a named entity in the body.
 *
 * @param type   {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION} or {@code MISC}
 * @param start  code-point offset of the first character in the body
 * @param end    code-point offset just past the last character
 * @param source    {@code model}, {@code gazetteer} or {@code rule}
 * @param canonical index of the mention's entry in the record's {@code canonical_entities}, or {@code null}
 */
public record Entity(String text, String type, int start, int end, double confidence, String source,
                     Integer canonical) {

    public Entity(String text, String type, int start, int end, double confidence, String source) {
        this(text, type, start, end, confidence, source, null);
    }

    /** This mention pointing at entry {@code index} of the canonical entities. */
    public Entity withCanonical(int index) {
        return new Entity(text, type, start, end, confidence, source, index);
    }
}
