package dev.khabar.enrich.language;

import java.util.Map;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ibm.icu.lang.UScript;

import dev.khabar.model.Language;

/** A first identifier: Lingua over the languages most common in news, in low-accuracy mode. */
final class LinguaIdentifier implements LanguageIdentifier {

    private static final com.github.pemistahl.lingua.api.Language[] LANGUAGES = {
        com.github.pemistahl.lingua.api.Language.ARABIC, com.github.pemistahl.lingua.api.Language.ENGLISH,
        com.github.pemistahl.lingua.api.Language.FRENCH, com.github.pemistahl.lingua.api.Language.PERSIAN,
        com.github.pemistahl.lingua.api.Language.URDU, com.github.pemistahl.lingua.api.Language.SPANISH,
        com.github.pemistahl.lingua.api.Language.GERMAN, com.github.pemistahl.lingua.api.Language.TURKISH,
        com.github.pemistahl.lingua.api.Language.RUSSIAN, com.github.pemistahl.lingua.api.Language.CHINESE,
    };

    static final LinguaIdentifier INSTANCE = new LinguaIdentifier();

    private final LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
            .withLowAccuracyMode()
            .build();

    private LinguaIdentifier() {
    }

    @Override
    public Language identify(String title, String body) {
        SortedMap<com.github.pemistahl.lingua.api.Language, Double> scores = detector.computeLanguageConfidenceValues(body);
        if (scores.isEmpty()) {
            return new Language("und", 0.0, script(body), null, null);
        }
        Map.Entry<com.github.pemistahl.lingua.api.Language, Double> best = scores.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        if (best.getKey() == com.github.pemistahl.lingua.api.Language.UNKNOWN) {
            return new Language("und", 0.0, script(body), null, null);
        }
        return new Language(best.getKey().getIsoCode639_1().toString(), best.getValue(), script(body), null, null);
    }

    @Override
    public String version() {
        return "lingua-1.2.2-low";
    }

    /** The ISO 15924 code of the script most letters of {@code text} are written in. */
    static String script(String text) {
        int[] counts = new int[UScript.CODE_LIMIT];
        text.codePoints().filter(Character::isLetter).forEach(cp -> counts[UScript.getScript(cp)]++);
        int best = UScript.UNKNOWN;
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > (best == UScript.UNKNOWN ? 0 : counts[best])) {
                best = s;
            }
        }
        return best == UScript.UNKNOWN ? "Zyyy" : UScript.getShortName(best);
    }
}
