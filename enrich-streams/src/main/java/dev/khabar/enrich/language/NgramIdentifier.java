package dev.khabar.enrich.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.lang.UScript;

import dev.khabar.model.Language;

/**
 * Language identification with a character n-gram model (see {@link NgramScorer}): script detection picks the
 * candidate languages, the n-gram log-likelihoods rank them and a length-dependent softmax turns them into a
 * calibrated confidence. Titles are identified on their own; long bodies are cut into sentence and script runs to
 * find a mix of languages. Immutable; safe for concurrent use.
 */
final class NgramIdentifier implements LanguageIdentifier {

    static final String RESOURCE = "langid-model.bin.gz";
    static final String UNDETERMINED = "und";

    /** Letters scored for the language of a whole body; the rest only counts for the mix. */
    private static final int MAX_BODY_LETTERS = 10_000;
    /** Letters scored for the mix, in total (whole segments, so a little more). */
    private static final int MAX_MIX_LETTERS = 100_000;
    /** Below this confidence the answer is {@code und}. */
    private static final double UNDETERMINED_BELOW = 0.2;
    private static final double MIN_TITLE_CONFIDENCE = 0.5;
    private static final int MIN_SEGMENT_LETTERS = 15;
    /** A segment outvotes the body's language only when it is at least this sure of another language. */
    private static final double MIN_SEGMENT_CONFIDENCE = 0.9;
    /** The same, for a segment in the body's own script (where runs of foreign names are the usual false alarm). */
    private static final double MIN_SAME_SCRIPT_SEGMENT_CONFIDENCE = 0.99;
    private static final double MIN_SHARE = 0.05;
    private static final double MAX_CONFIDENCE = 0.999;

    private final NgramScorer scorer;
    private final String version;

    private static final class Holder {
        static final NgramIdentifier INSTANCE = loadStandard();
    }

    NgramIdentifier(NgramModel model) {
        this.scorer = new NgramScorer(model);
        this.version = model.version();
    }

    static NgramIdentifier standard() {
        return Holder.INSTANCE;
    }

    private static NgramIdentifier loadStandard() {
        try (InputStream in = NgramIdentifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + RESOURCE + " is missing from the classpath");
            }
            return new NgramIdentifier(NgramModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + RESOURCE, e);
        }
    }

    /** The language of one short or long text, without title or mix. */
    record Guess(String code, double confidence, String script, int letters) {
    }

    @Override
    public Language identify(String title, String body) {
        boolean bodyHasText = body != null && body.codePoints().anyMatch(Character::isLetter);
        if (!bodyHasText) {
            Guess onlyTitle = guess(title == null ? "" : title);
            return new Language(onlyTitle.code(), onlyTitle.confidence(), onlyTitle.script(), null, null);
        }
        List<NgramScorer.Scores> parts = new ArrayList<>();
        int scored = 0;
        for (String segment : segments(body)) {
            if (scored >= MAX_MIX_LETTERS) {
                break;
            }
            NgramScorer.Scores part = scorer.score(segment, MAX_BODY_LETTERS);
            if (part.letters() > 0) {
                parts.add(part);
                scored += part.letters();
            }
        }
        Guess main = guess(combine(parts));
        Language.LanguageGuess titleGuess = null;
        if (title != null && !title.isBlank()) {
            Guess t = guess(title);
            if (!t.code().equals(UNDETERMINED) && !t.code().equals(main.code())
                    && t.confidence() >= MIN_TITLE_CONFIDENCE) {
                titleGuess = new Language.LanguageGuess(t.code(), t.confidence());
            }
        }
        return new Language(main.code(), main.confidence(), main.script(), titleGuess, mix(parts, main));
    }

    @Override
    public String version() {
        return version;
    }

    Guess guess(String text) {
        return guess(text, MAX_BODY_LETTERS);
    }

    private Guess guess(String text, int maxLetters) {
        return guess(scorer.score(text, maxLetters));
    }

    /**
     * The body's scores from its segments' scores (log-likelihoods add up over words): the sum over the segments in
     * the body's main script, up to {@link #MAX_BODY_LETTERS} letters.
     */
    private static NgramScorer.Scores combine(List<NgramScorer.Scores> parts) {
        Map<Integer, Integer> lettersByScript = new HashMap<>();
        for (NgramScorer.Scores part : parts) {
            if (part.script() >= 0) {
                lettersByScript.merge(part.script(), part.letters(), Integer::sum);
            }
        }
        if (lettersByScript.isEmpty()) {
            return new NgramScorer.Scores(0, -1, new int[0], new double[0]);
        }
        int script = Collections.max(lettersByScript.entrySet(), Map.Entry.comparingByValue()).getKey();
        int[] languages = null;
        double[] sum = null;
        int letters = 0;
        for (NgramScorer.Scores part : parts) {
            if (part.script() != script || letters >= MAX_BODY_LETTERS) {
                continue;
            }
            if (languages == null) {
                languages = part.languages();
                sum = new double[languages.length];
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += part.logLikelihoods()[i];
            }
            letters += part.letters();
        }
        return new NgramScorer.Scores(letters, script, languages, sum);
    }

    private Guess guess(NgramScorer.Scores scores) {
        String script = scores.script() < 0 ? "Zyyy" : UScript.getShortName(scores.script());
        if (scores.languages().length == 0) {
            return new Guess(UNDETERMINED, 0.0, script, scores.letters());
        }
        double[] posteriors = scorer.posteriors(scores);
        int best = scores.best();
        double calibrated = Math.min(MAX_CONFIDENCE, scorer.model().calibration().confidence(posteriors[best]));
        double confidence = Math.round(calibrated * 10_000) / 10_000.0;
        String code = scorer.model().code(scores.languages()[best]);
        if (confidence < UNDETERMINED_BELOW) {
            return new Guess(UNDETERMINED, confidence, script, scores.letters());
        }
        if (code.equals("ja")) {
            script = "Jpan";
        } else if (code.equals("ko")) {
            script = "Kore";
        }
        return new Guess(code, confidence, script, scores.letters());
    }

    /**
     * Each language's share of the body's letters, counted over sentence-and-script segments; null unless at least two
     * languages each hold {@link #MIN_SHARE} of it.
     */
    private List<Language.LanguageShare> mix(List<NgramScorer.Scores> parts, Guess main) {
        Map<String, Integer> letters = new LinkedHashMap<>();
        int total = 0;
        for (NgramScorer.Scores part : parts) {
            Guess g = guess(part);
            if (g.letters() < MIN_SEGMENT_LETTERS) {
                continue;
            }
            String code = g.code();
            double needed = g.script().equals(main.script()) ? MIN_SAME_SCRIPT_SEGMENT_CONFIDENCE : MIN_SEGMENT_CONFIDENCE;
            if (!code.equals(main.code()) && (code.equals(UNDETERMINED) || g.confidence() < needed)) {
                if (!g.script().equals(main.script())) {
                    continue;
                }
                code = main.code();
            }
            letters.merge(code, g.letters(), Integer::sum);
            total += g.letters();
        }
        if (total == 0) {
            return null;
        }
        final int sum = total;
        List<Map.Entry<String, Integer>> kept = letters.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SHARE * sum)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .toList();
        if (kept.size() < 2) {
            return null;
        }
        int keptTotal = kept.stream().mapToInt(Map.Entry::getValue).sum();
        List<Language.LanguageShare> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> e : kept) {
            shares.add(new Language.LanguageShare(e.getKey(), Math.round(1000.0 * e.getValue() / keptTotal) / 1000.0));
        }
        shares.sort(Comparator.comparingDouble(Language.LanguageShare::share).reversed());
        return shares;
    }

    /** Splits text at sentence ends, line breaks and changes of script between words. */
    static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentScript = -1;
        int i = 0;
        while (i < text.length()) {
            int wordEnd = i;
            while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = text.substring(i, wordEnd);
            int script = wordScript(word);
            if (script >= 0 && currentScript >= 0 && script != currentScript) {
                segments.add(current.toString());
                current.setLength(0);
            }
            if (script >= 0) {
                currentScript = script;
            }
            current.append(word).append(' ');
            boolean lineBreak = wordEnd < text.length() && (text.charAt(wordEnd) == '\n' || text.charAt(wordEnd) == '\r');
            if (lineBreak || endsSentence(word)) {
                segments.add(current.toString());
                current.setLength(0);
                currentScript = -1;
            }
            i = wordEnd;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        if (!current.isEmpty()) {
            segments.add(current.toString());
        }
        return segments;
    }

    private static boolean endsSentence(String word) {
        if (word.isEmpty()) {
            return false;
        }
        char last = word.charAt(word.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '\u061F' || last == '\u3002' || last == '\u06D4';
    }

    /** The main script of a word's letters (as {@link NgramScorer#mainScript}), or -1; counts only mixed words. */
    static int wordScript(String word) {
        int only = -1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                int s = UScript.getScript(c);
                if (s >= 0 && s < UScript.CODE_LIMIT) {
                    if (only < 0) {
                        only = s;
                    } else if (s != only) {
                        return mixedWordScript(word);
                    }
                }
            }
        }
        return only < 0 || only == UScript.COMMON || only == UScript.INHERITED || only == UScript.UNKNOWN ? -1 : only;
    }

    private static int mixedWordScript(String word) {
        int[] counts = new int[UScript.CODE_LIMIT];
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                int s = UScript.getScript(c);
                if (s >= 0 && s < UScript.CODE_LIMIT) {
                    counts[s]++;
                }
            }
        }
        return NgramScorer.mainScript(counts);
    }
}
