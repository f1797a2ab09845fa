package dev.khabar.model;

/**
 * A date written in the body.
 *
 * @param start    code-point offset into the body
 * @param end      code-point offset just past the expression
 * @param value    ISO-8601: {@code 2024-06-17}, {@code 2025-08-25T19:25}, or partial where the text gives less
 *                 ({@code 2024-06}, {@code 2024})
 * @param relative whether the value was computed from the article's date ({@code أمس}, {@code last Monday},
 *                 {@code mardi dernier}, or a day and month without a year)
 * @param calendar {@code gregorian}, or {@code islamic} where the text gave an Umm al-Qura date (value converted)
 */
public record DateExpression(String text, int start, int end, String value, boolean relative, String calendar) {
}
