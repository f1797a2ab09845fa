package dev.khabar.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.khabar.model.ArticleIds;

/** The hash of a body with Unicode compatibility forms, case, punctuation and spacing folded away. */
final class ExactFingerprint {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ExactFingerprint() {
    }

    static String of(String body) {
        String folded = Normalizer.normalize(body, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String normalised = NOT_WORD.matcher(folded).replaceAll(" ").strip();
        return ArticleIds.sha256Hex(normalised.getBytes(StandardCharsets.UTF_8));
    }
}
