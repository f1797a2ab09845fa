package dev.khabar.enrich.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown reduced to plain lines: heading marks, emphasis, images and link syntax dropped, link text kept. */
final class MarkdownText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)[^)]*\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+|\\s+#+\\s*$");
    private static final Pattern QUOTE_OR_ITEM = Pattern.compile("(?m)^\\s{0,3}(>\\s?|[*+-]\\s+|\\d+[.)]\\s+)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s{0,3}([-*_]\\s*){3,}$");

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---\\R(.*?)\\R---\\R", Pattern.DOTALL);
    private static final Pattern FRONT_MATTER_LINE = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s*(.*)$");

    private MarkdownText() {
    }

    /** Front matter ({@code ---} YAML-style {@code key: value} lines) at the top, in order; empty when absent. */
    static Map<String, String> frontMatter(String markdown) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FRONT_MATTER.matcher(markdown);
        if (m.find()) {
            for (String line : m.group(1).split("\\R")) {
                Matcher kv = FRONT_MATTER_LINE.matcher(line.strip());
                if (kv.matches()) {
                    fields.put(kv.group(1), kv.group(2).strip().replaceAll("^([\"'])(.*)\\1$", "$2"));
                }
            }
        }
        return fields;
    }

    static String withoutFrontMatter(String markdown) {
        return FRONT_MATTER.matcher(markdown).replaceFirst("");
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
