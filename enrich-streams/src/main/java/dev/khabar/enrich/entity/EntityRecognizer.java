package dev.khabar.enrich.entity;

import java.util.List;

import dev.khabar.model.Entity;

/** Finds named entities in raw text. Knows nothing of Kafka; safe for concurrent use. */
public interface EntityRecognizer {

    /**
     * The mentions in {@code text}, sorted by start, with code-point offsets into {@code text}.
     *
     * @param language BCP-47 code of the text, used to pick the model
     */
    List<Entity> recognize(String text, String language);

    /** Identifies the model(s), recorded on every enriched record. */
    String version();

    /**
     * Whether {@code word}, one word in the matching form of the tokens, is in {@code language} an ordinary word more
     * often than a name: {@code مالي} is Mali, and far more often "financial". The linker does not link such a word
     * where no mention covers it. By default no word is.
     */
    default boolean ordinaryWord(String word, String language) {
        return false;
    }

    /**
     * The recogniser the pipeline uses; loads its resources once. Arabic goes to the bundled trained model (with the
     * gazetteer as a feature and a fallback), other languages to the gazetteer.
     */
    static EntityRecognizer standard() {
        return RoutingRecognizer.standard();
    }

    /**
     * As {@link #standard()}, with English and French models that read no contextual word vectors: several times
     * faster on those languages, less accurate (EVALUATION.md). Arabic is the same.
     */
    static EntityRecognizer fast() {
        return RoutingRecognizer.fast();
    }
}
