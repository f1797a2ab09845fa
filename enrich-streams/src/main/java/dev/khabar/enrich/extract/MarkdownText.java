package dev.khabar.enrich.extract;

import java.util.regex.Pattern;

/** Markdown reduced to plain lines: heading marks, emphasis, images and link syntax dropped, link text kept. */
final class MarkdownText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)[^)]*\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+|\\s+#+\\s*$");
    private static final Pattern QUOTE_OR_ITEM = Pattern.compile("(?m)^\\s{0,3}(>\\s?|[*+-]\\s+|\\d+[.)]\\s+)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s{0,3}([-*_]\\s*){3,}$");

    private MarkdownText() {
    }

    static String plain(String markdown) {
        String s = IMAGE.matcher(markdown).replaceAll("");
        s = LINK.matcher(s).replaceAll("$1");
        s = RULE.matcher(s).replaceAll("");
        s = HEADING.matcher(s).replaceAll("");
        s = QUOTE_OR_ITEM.matcher(s).replaceAll("");
        return EMPHASIS.matcher(s).replaceAll("$2");
    }
}
