package dev.khabar.model;

import java.util.List;

/**
 * The language of an article.
 *
 * @param code       BCP-47 code, two-letter where one exists; {@code und} when undetermined
 * @param confidence calibrated probability that {@code code} is right
 * @param script     ISO 15924 script code, e.g. {@code Arab}
 * @param title      the title's language, only when it differs from the body's
 * @param mix        each language's share of the body, only when the body mixes languages
 */
public record Language(String code, double confidence, String script, LanguageGuess title,
                       List<LanguageShare> mix) {

    public record LanguageGuess(String code, double confidence) {
    }

    public record LanguageShare(String code, double share) {
    }
}
