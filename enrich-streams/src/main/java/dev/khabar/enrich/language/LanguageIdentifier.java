package dev.khabar.enrich.language;

import dev.khabar.model.Language;

/** Tags text with its language. Knows nothing of Kafka; safe for concurrent use. */
public interface LanguageIdentifier {

    /**
     * The language of an article's body, with the title's language set only when it differs and the
     * mix set only when the body mixes languages. {@code title} may be null.
     */
    Language identify(String title, String body);

    /** Identifies the model, recorded on every enriched record. */
    String version();

    /** The identifier the pipeline uses; loads its model once. */
    static LanguageIdentifier standard() {
        return NgramIdentifier.standard();
    }
}
