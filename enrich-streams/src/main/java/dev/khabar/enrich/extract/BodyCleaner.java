package dev.khabar.enrich.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of a page (plain text, or the blocks of an HTML content element) into body paragraphs and
 * fills the fields the lines state (title, section, byline, date, site, url). Every dropped line is recorded
 * with the rule that dropped it. Rules are positional and generic: a headline before the first paragraph,
 * short unpunctuated lines before the body and after it, repeated lines, phrase signals, and everything after a
 * related-articles marker.
 */
final class BodyCleaner {

    private static final int TITLE_MIN_WORDS = 3;
    private static final int TITLE_MAX_WORDS = 30;
    private static final int SECTION_MAX_WORDS = 3;
    private static final int EDGE_SHORT_WORDS = 8;
    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.+?)\\s+([|\\-–—:])\\s+([^|\\-–—:]+)$");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u2009\\u202F]+");

    private BodyCleaner() {
    }

    private static final class Line {
        final String text;
        final String folded;
        final int words;
        boolean removed;

        Line(String text) {
            this.text = text;
            this.folded = ChromeSignals.fold(text);
            this.words = ChromeSignals.words(text);
        }

        boolean paragraph() {
            return ChromeSignals.isParagraph(text);
        }
    }

    static String normalizeLine(String raw) {
        return SPACES.matcher(INVISIBLE.matcher(raw).replaceAll("")).replaceAll(" ").strip();
    }

    /** Splits plain text into lines and cleans them. */
    static List<String> cleanText(String text, Draft draft) {
        return clean(List.of(text.split("\\R")), draft);
    }

    static List<String> clean(List<String> rawLines, Draft d) {
        List<Line> lines = new ArrayList<>();
        for (String raw : rawLines) {
            String text = normalizeLine(raw);
            if (!text.isEmpty() && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
                lines.add(new Line(text));
            }
        }
        cutRelated(lines, d);
        removeRepeats(lines, d);
        classify(lines, d);
        int titleAt = findTitle(lines, d);
        removeTitleRepeats(lines, d, titleAt);
        trimLeading(lines, d, titleAt);
        trimTrailing(lines, d);
        List<String> body = new ArrayList<>();
        for (Line line : lines) {
            if (!line.removed) {
                body.add(stripSitePrefix(line.text, d));
            }
        }
        return body;
    }

    private static void removeRepeats(List<Line> lines, Draft d) {
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (Line line : lines) {
            if (line.removed) {
                continue;
            }
            if (line.folded.equals(previous)) {
                line.removed = true;
                d.remove("caption_duplicate", line.text, "repeated-adjacent-line");
            } else if (line.words >= 6 && seen.contains(line.folded)) {
                line.removed = true;
                d.remove("caption_duplicate", line.text, "repeated-line");
            }
            seen.add(line.folded);
            previous = line.folded;
        }
    }

    private static void cutRelated(List<Line> lines, Draft d) {
        boolean bodySeen = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.removed) {
                continue;
            }
            Matcher marker = bodySeen ? ChromeSignals.relatedMarker(line.folded) : null;
            if (marker != null) {
                String rest = line.folded.substring(marker.end());
                String rule = "related-marker:" + marker.group().strip();
                if (ChromeSignals.words(rest) == 0) {
                    for (int j = i; j < lines.size(); j++) {
                        if (!lines.get(j).removed) {
                            lines.get(j).removed = true;
                            d.remove("related_article", lines.get(j).text, rule);
                        }
                    }
                    return;
                }
                if (line.words <= 30) {
                    line.removed = true;
                    d.remove("related_article", line.text, rule + " (inline link)");
                    continue;
                }
            }
            bodySeen |= line.paragraph();
        }
    }

    private static void classify(List<Line> lines, Draft d) {
        for (Line line : lines) {
            if (line.removed) {
                continue;
            }
            String rule;
            if (ChromeSignals.isLinkLine(line.text, line.folded)) {
                String url = ChromeSignals.firstUrl(line.text);
                if (d.url == null && url != null) {
                    d.url = url;
                }
                drop(line, d, "link", url != null ? "url-line" : "link-label");
            } else if ((rule = ChromeSignals.shareBar(line.folded)) != null) {
                drop(line, d, "share_bar", rule);
            } else if ((rule = ChromeSignals.disclaimer(line.folded, line.words)) != null) {
                drop(line, d, "disclaimer", rule);
            } else if ((rule = ChromeSignals.prompt(line.folded, line.words)) != null
                    || (rule = ChromeSignals.contact(line.folded, line.words)) != null) {
                drop(line, d, "boilerplate", rule);
            } else if (ChromeSignals.isNavigation(line.text)) {
                drop(line, d, "boilerplate", "navigation-line");
            } else if (!classifyMetadata(line, d)) {
                continue;
            }
        }
    }

    private static boolean classifyMetadata(Line line, Draft d) {
        if (line.paragraph()) {
            return false;
        }
        String source = ChromeSignals.sourceName(line.text);
        if (source != null) {
            if (d.site == null) {
                d.site = source;
            }
            drop(line, d, "boilerplate", "source-line");
            return true;
        }
        String byline = ChromeSignals.byline(line.text);
        if (byline != null) {
            if (d.byline == null) {
                d.byline = byline;
            }
            takeDate(line.text, d);
            drop(line, d, "boilerplate", "byline-line");
            return true;
        }
        if (line.words <= 14) {
            List<NewsDateParser.DateMention> dates = NewsDateParser.findAll(line.text);
            boolean labelled = ChromeSignals.hasDateLabel(line.folded);
            boolean updated = ChromeSignals.hasUpdatedLabel(line.folded);
            if (!dates.isEmpty()) {
                NewsDateParser.DateMention first = dates.stream().filter(m -> !m.hijri()).findFirst()
                        .orElse(dates.get(0));
                StringBuilder rest = new StringBuilder();
                int from = 0;
                for (NewsDateParser.DateMention date : dates) {
                    rest.append(line.text, from, date.start()).append(' ');
                    from = date.end();
                }
                rest.append(line.text.substring(from));
                int restWords = ChromeSignals.words(rest.toString());
                if (restWords <= 4 || (labelled || updated) && restWords <= 6) {
                    if (updated && !labelled) {
                        d.updatedAt = d.updatedAt == null ? first.iso() : d.updatedAt;
                    } else if (d.publishedAt == null) {
                        d.publishedAt = first.iso();
                    }
                    drop(line, d, "boilerplate", "date-line");
                    return true;
                }
            } else if ((labelled || updated) && line.words <= 4) {
                drop(line, d, "boilerplate", "date-label");
                return true;
            }
        }
        return false;
    }

    private static int findTitle(List<Line> lines, Draft d) {
        if (d.title != null) {
            String folded = ChromeSignals.fold(normalizeLine(d.title));
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (!line.removed && (line.folded.equals(folded) || startsWithTitle(line.folded, folded))) {
                    line.removed = true;
                    d.remove("boilerplate", line.text, "title-line");
                    takeDate(line.text.substring(Math.min(line.text.length(), d.title.length())), d);
                    takeSection(lines, i, d);
                    return i;
                }
                if (!line.removed && line.paragraph()) {
                    break;
                }
            }
            return -1;
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.removed) {
                continue;
            }
            if (line.paragraph()) {
                return -1;
            }
            if (isHeadline(line) && !(line.words < TITLE_MIN_WORDS + 1 && nextIsLongerHeadline(lines, i))) {
                line.removed = true;
                d.title = ChromeSignals.withoutTitleLabel(line.text);
                splitSiteSuffix(lines, d);
                d.remove("boilerplate", line.text, "title-line");
                takeSection(lines, i, d);
                return i;
            }
        }
        return -1;
    }

    /** A short headline-like line directly followed by a longer one is a label, not the headline. */
    private static boolean nextIsLongerHeadline(List<Line> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            Line next = lines.get(j);
            if (!next.removed) {
                return !next.paragraph() && isHeadline(next) && next.words > lines.get(i).words;
            }
        }
        return false;
    }

    private static boolean isHeadline(Line line) {
        if (line.words < TITLE_MIN_WORDS || line.words > TITLE_MAX_WORDS) {
            return false;
        }
        String t = line.text;
        if (line.words <= 5 && t.codePoints().anyMatch(Character::isLetter)
                && t.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return last != ':' && last != '：' && last != '.' && last != '،' && last != ',';
    }

    private static void takeSection(List<Line> lines, int titleAt, Draft d) {
        if (titleAt > 0) {
            Line line = lines.get(titleAt - 1);
            boolean isSite = d.site != null && ChromeSignals.fold(d.site).equals(line.folded);
            if (d.section == null && !line.removed && !isSite && line.words <= SECTION_MAX_WORDS
                    && !ChromeSignals.hasSentencePunctuation(line.text)
                    && line.text.codePoints().noneMatch(Character::isDigit)) {
                d.section = line.text;
                line.removed = true;
                d.remove("boilerplate", line.text, "section-label");
            }
        }
        for (int i = 0; i < titleAt; i++) {
            Line line = lines.get(i);
            if (!line.removed) {
                drop(line, d, "boilerplate", "before-title");
            }
        }
    }

    private static void splitSiteSuffix(List<Line> lines, Draft d) {
        Matcher m = TITLE_SUFFIX.matcher(d.title);
        if (!m.matches() || ChromeSignals.words(m.group(1)) < 3 || ChromeSignals.words(m.group(3)) > 4) {
            return;
        }
        String suffix = m.group(3).strip();
        String folded = ChromeSignals.fold(suffix);
        boolean known = d.site != null && ChromeSignals.fold(d.site).equals(folded);
        boolean elsewhere = false;
        String titleFolded = ChromeSignals.fold(d.title);
        for (Line line : lines) {
            if (!line.folded.equals(titleFolded) && line.folded.contains(folded)) {
                elsewhere = true;
                break;
            }
        }
        boolean siteLike = !m.group(2).equals(":") && ChromeSignals.words(suffix) <= 3
                && !ChromeSignals.hasSentencePunctuation(suffix) && ChromeSignals.words(m.group(1)) >= 4;
        if (known || elsewhere || m.group(2).equals("|") || siteLike) {
            d.title = m.group(1).strip();
            if (d.site == null) {
                d.site = suffix;
            }
        }
    }

    private static void removeTitleRepeats(List<Line> lines, Draft d, int titleAt) {
        if (d.title == null) {
            return;
        }
        String title = ChromeSignals.fold(normalizeLine(d.title));
        for (int i = Math.max(0, titleAt + 1); i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.removed && (line.folded.equals(title) || startsWithTitle(line.folded, title))) {
                line.removed = true;
                d.remove("boilerplate", line.text, "title-repeat");
                takeDate(line.text, d);
            }
        }
    }

    private static boolean startsWithTitle(String folded, String title) {
        if (!folded.startsWith(title) || folded.length() == title.length()) {
            return false;
        }
        char next = folded.charAt(title.length());
        return !Character.isLetterOrDigit(next) && ChromeSignals.words(folded.substring(title.length())) <= 15;
    }

    private static void takeDate(String text, Draft d) {
        if (d.publishedAt == null) {
            NewsDateParser.parse(text).ifPresent(date -> d.publishedAt = date);
        }
    }

    private static void trimLeading(List<Line> lines, Draft d, int titleAt) {
        for (int i = Math.max(0, titleAt + 1); i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.removed) {
                continue;
            }
            if (line.paragraph()) {
                return;
            }
            String t = line.text;
            if (ChromeSignals.isListItem(t)) {
                continue;
            }
            if (t.endsWith(":") || t.endsWith("：")) {
                drop(line, d, "boilerplate", "colon-line-before-body");
            } else if (line.words <= EDGE_SHORT_WORDS && !ChromeSignals.endsLikeSentence(t)) {
                drop(line, d, "boilerplate", "short-line-before-body");
            }
        }
    }

    private static void trimTrailing(List<Line> lines, Draft d) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (line.removed) {
                continue;
            }
            if (line.paragraph() || ChromeSignals.endsLikeSentence(line.text) || line.words > EDGE_SHORT_WORDS
                    || ChromeSignals.isListItem(line.text)) {
                return;
            }
            drop(line, d, "boilerplate", "short-line-after-body");
        }
    }

    private static String stripSitePrefix(String text, Draft d) {
        if (d.site == null) {
            return text;
        }
        String site = normalizeLine(d.site);
        if (text.length() > site.length() + 2 && ChromeSignals.fold(text).startsWith(ChromeSignals.fold(site))) {
            String rest = text.substring(site.length()).stripLeading();
            if (!rest.isEmpty() && "-–—:".indexOf(rest.charAt(0)) >= 0) {
                String body = rest.substring(1).strip();
                if (ChromeSignals.words(body) >= 5) {
                    d.remove("boilerplate", text.substring(0, text.length() - body.length()).strip(),
                            "site-name-prefix");
                    return body;
                }
            }
        }
        return text;
    }

    private static void drop(Line line, Draft d, String kind, String rule) {
        line.removed = true;
        d.remove(kind, line.text, rule);
    }
}
