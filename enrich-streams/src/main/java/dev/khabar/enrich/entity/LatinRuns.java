package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.khabar.model.Entity;

/**
 * Names written in Latin letters inside Arabic text ({@code BBC}, {@code Aston University}, {@code Inlingua
 * International Language School}): the Arabic tagger has seen few Latin words and leaves them out, so each run of
 * Latin words that no Arabic mention touches is read by the English recogniser, and its mentions are added with their
 * offsets moved into the whole text. A run is Latin words (digits and {@code & . ' -} inside allowed) separated by
 * spaces only; any other mark or an Arabic word ends it. Web addresses are skipped, and a person is kept only when it
 * starts with a listed given name: read without their sentence, product names ({@code Kopi Luwak}, {@code Apple
 * Music}) look like people's.
 */
final class LatinRuns implements EntityRecognizer {

    private final EntityRecognizer arabic;
    private final EntityRecognizer latin;
    private final String latinLanguage;

    LatinRuns(EntityRecognizer arabic, EntityRecognizer latin, String latinLanguage) {
        this.arabic = arabic;
        this.latin = latin;
        this.latinLanguage = latinLanguage;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Entity> found = arabic.recognize(text, language);
        List<Token> tokens = Tokenizer.tokenize(text);
        if (tokens.stream().noneMatch(t -> isLatinWord(t.text()))) {
            return found;
        }
        int[] chars = text.codePoints().map(Character::charCount).toArray();
        int[] charAt = new int[chars.length + 1];
        for (int k = 0; k < chars.length; k++) {
            charAt[k + 1] = charAt[k] + chars[k];
        }
        List<Entity> added = null;
        int i = 0;
        while (i < tokens.size()) {
            if (!isLatinWord(tokens.get(i).text())) {
                i++;
                continue;
            }
            int last = i;
            for (int j = i + 1; j < tokens.size() && joined(text, charAt, tokens.get(j - 1), tokens.get(j)); j++) {
                if (isLatinWord(tokens.get(j).text())) {
                    last = j;
                }
            }
            int start = tokens.get(i).start();
            int end = tokens.get(last).end();
            String run = text.substring(charAt[start], charAt[end]);
            if (free(found, start, end) && !ADDRESS.matcher(run).find()) {
                for (Entity e : latin.recognize(run, latinLanguage)) {
                    if (e.type().equals("PERSON") && !givenNameFirst(e.text())) {
                        continue;  // product names read alone look like people's: Kopi Luwak, Apple Music
                    }
                    added = added == null ? new ArrayList<>(found) : added;
                    added.add(new Entity(e.text(), e.type(), e.start() + start, e.end() + start, e.confidence(),
                            e.source(), e.canonical()));
                }
            }
            i = last + 1;
        }
        if (added == null) {
            return found;
        }
        added.sort(Comparator.comparingInt(Entity::start));
        return added;
    }

    /** Web and e-mail addresses, which name no entity: {@code www.emirates.com}, {@code developer.apple.com}. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\bwww\\b|\\bhttps?\\b|\\w\\.\\w|@");

    private static boolean givenNameFirst(String mention) {
        String first = ArabicText.normalize(mention.split("[\\s.]", 2)[0]);
        return (LatinNames.standard().personWord(first) & LatinNames.GIVEN) != 0;
    }

    private static boolean isLatinWord(String token) {
        int cp = token.codePointAt(0);
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    /**
     * Whether {@code next} continues a run after {@code previous}: a Latin word, a digit or {@code & . ' -}, with
     * nothing or one space between them.
     */
    private static boolean joined(String text, int[] charAt, Token previous, Token next) {
        String t = next.text();
        int cp = t.codePointAt(0);
        boolean part = isLatinWord(t) || Character.isDigit(cp) || t.equals("&") || t.equals(".") || t.equals("'")
                || t.equals("-");
        int gap = charAt[next.start()] - charAt[previous.end()];
        return part && (gap == 0 || gap == 1 && text.charAt(charAt[previous.end()]) == ' ');
    }

    private static boolean free(List<Entity> found, int start, int end) {
        for (Entity e : found) {
            if (e.start() < end && start < e.end()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean ordinaryWord(String word, String language) {
        return arabic.ordinaryWord(word, language);
    }

    @Override
    public String version() {
        return arabic.version();
    }
}
