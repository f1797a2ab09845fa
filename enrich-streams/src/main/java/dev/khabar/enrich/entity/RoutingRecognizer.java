package dev.khabar.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.Entity;

/**
 * Sends each text to the recogniser of its language (a trained model for Arabic, English and French), else to the
 * gazetteer; the version string names the recogniser of each language and {@code other=} the gazetteer fallback.
 */
final class RoutingRecognizer implements EntityRecognizer {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingRecognizer.class);

    static final String ARABIC_MODEL = "/models/ner-ar.bin.gz";

    private final Map<String, EntityRecognizer> byLanguage;
    private final EntityRecognizer fallback;

    RoutingRecognizer(Map<String, EntityRecognizer> byLanguage, EntityRecognizer fallback) {
        this.byLanguage = new TreeMap<>(byLanguage);
        this.fallback = fallback;
    }

    static final String ENGLISH_MODEL = "/models/ner-en.bin.gz";
    static final String FRENCH_MODEL = "/models/ner-fr.bin.gz";
    /** The English and French models before contextual word vectors: faster, less accurate. */
    static final String ENGLISH_FAST_MODEL = "/models/ner-en-fast.bin.gz";
    static final String FRENCH_FAST_MODEL = "/models/ner-fr-fast.bin.gz";

    private static final class Holder {
        static final RoutingRecognizer STANDARD = contextualOrFast();
    }

    private static final class FastHolder {
        static final RoutingRecognizer FAST = bundled(true, ENGLISH_FAST_MODEL, FRENCH_FAST_MODEL);
    }

    /**
     * Arabic, English and French to their bundled models ({@link LatinRuns}: names in Latin letters inside Arabic text
     * to the English one); {@code fallback} adds gazetteer names the models left.
     */
    static RoutingRecognizer bundled(boolean fallback) {
        return bundled(fallback, ENGLISH_MODEL, FRENCH_MODEL);
    }

    private static RoutingRecognizer bundled(boolean fallback, String englishModel, String frenchModel) {
        EntityRecognizer english = new LatinRecognizer(bundled(englishModel), Gazetteer.standard(), fallback);
        return new RoutingRecognizer(Map.of(
                "ar", new LatinRuns(new ModelRecognizer(bundledArabic(), Gazetteer.standard(), fallback), english, "en"),
                "en", english,
                "fr", new LatinRecognizer(bundled(frenchModel), Gazetteer.standard(), fallback)),
                new GazetteerRecognizer(Gazetteer.standard()));
    }

    static RoutingRecognizer standard() {
        return Holder.STANDARD;
    }

    /**
     * The models with contextual word vectors, or the fast ones where the encoder cannot run (ONNX Runtime ships no
     * library for the platform in the jar, e.g. Windows): said once in the log, and the records' entities version names
     * the models used.
     */
    private static RoutingRecognizer contextualOrFast() {
        try {
            ContextVectors.standard();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the context encoder cannot run here ({}); English and French use the faster models without it",
                    e.toString());
            return fast();
        }
        return bundled(true);
    }

    static RoutingRecognizer fast() {
        return FastHolder.FAST;
    }

    static NerModel bundledArabic() {
        return bundled(ARABIC_MODEL);
    }

    static NerModel bundled(String resource) {
        try (InputStream in = RoutingRecognizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return NerModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        return recognizerFor(language).recognize(text, language);
    }

    @Override
    public boolean ordinaryWord(String word, String language) {
        return recognizerFor(language).ordinaryWord(word, language);
    }

    EntityRecognizer recognizerFor(String language) {
        if (language == null) {
            return fallback;
        }
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return byLanguage.getOrDefault(primary, fallback);
    }

    @Override
    public String version() {
        StringBuilder out = new StringBuilder();
        byLanguage.forEach((lang, r) -> out.append(lang).append('=').append(r.version()).append("; "));
        return out.append("other=").append(fallback.version()).toString();
    }
}
