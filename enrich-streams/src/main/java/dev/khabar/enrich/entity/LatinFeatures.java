package dev.khabar.enrich.entity;

import static dev.khabar.enrich.entity.FeatureCodes.at;
import static dev.khabar.enrich.entity.FeatureCodes.classId;
import static dev.khabar.enrich.entity.FeatureCodes.hash;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feature buckets of each token of an English or French sentence: word as written and lower-cased, shape, capitalisation
 * with the sentence-initial position and how often the word is capitalised elsewhere in the training text, affixes,
 * neighbours at ±2, title and trigger words, gazetteer membership, the world's places and given and family names
 * ({@link LatinNames}), and word classes. In a sentence written all in
 * capitals (a headline) or all in lower case, case says nothing: the features say so instead of reading it as a name.
 */
final class LatinFeatures {

    /** Lexicon key prefix for the number of times a word was written capitalised (not sentence-initial). */
    static final String CAPITALISED = "^";

    private static final int PERSON_TITLE = 1;
    private static final int ORGANIZATION_WORD = 2;
    private static final int LOCATION_WORD = 3;
    private static final int PLACE_PREPOSITION = 4;
    private static final int SPEECH = 5;
    private static final int DETERMINER = 6;

    private static final Map<String, Integer> TRIGGERS = triggers();

    /** Words that start a title without being one ({@code Prime Minister}); not features, for cutting titles only. */
    private static final Set<String> TITLE_QUALIFIERS = Set.of("prime", "foreign", "defence",
            "defense", "finance", "interior", "home", "attorney", "first", "grand", "haut", "haute", "supreme", "suprême");

    private final Gazetteer gazetteer;
    private final Gazetteer names;
    private final LatinNames world;
    private final WordClusters clusters;
    private final Map<String, Integer> lexicon;
    private final int bits;

    LatinFeatures(Gazetteer gazetteer, WordClusters clusters, Map<String, Integer> lexicon, int bits) {
        this(gazetteer, null, LatinNames.standard(), clusters, lexicon, bits);
    }

    /**
     * @param names the model's own name list (learnt from training labels), or null
     * @param world places and given and family names of the world ({@link LatinNames#standard()})
     */
    LatinFeatures(Gazetteer gazetteer, Gazetteer names, LatinNames world, WordClusters clusters,
            Map<String, Integer> lexicon, int bits) {
        this.gazetteer = gazetteer;
        this.names = names == null || names.size() == 0 ? null : names;
        this.world = world;
        this.clusters = clusters;
        this.lexicon = lexicon;
        this.bits = bits;
    }

    private static Map<String, Integer> triggers() {
        Map<String, Integer> m = new HashMap<>();
        put(m, PERSON_TITLE, "mr mrs ms miss dr sir dame lord lady president vice minister premier senator sen rep gov "
                + "governor general gen col colonel lt lieutenant captain capt sgt sergeant major admiral king queen prince "
                + "princess pope chancellor secretary ambassador envoy mayor judge justice chairman chairwoman chair ceo "
                + "spokesman spokeswoman spokesperson leader professor prof coach rev reverend father bishop cardinal "
                + "archbishop sheikh ayatollah emir sultan commander chief director officer deputy councillor councilman "
                + "candidate actor singer striker midfielder defender goalkeeper "
                + "m mme mlle mm monsieur madame mademoiselle président présidente ministre sénateur sénatrice député "
                + "députée maire général roi reine princesse pape docteur chef secrétaire juge ambassadeur maître "
                + "porte-parole chancelière directeur directrice commissaire colonel capitaine cardinal évêque abbé "
                + "entraîneur premier");
        put(m, ORGANIZATION_WORD, "inc corp corporation co ltd llc plc company companies group bank university college "
                + "institute ministry department party council committee commission agency association union federation "
                + "league club army navy forces force police court parliament assembly congress senate foundation "
                + "organization organisation society school hospital airlines airways network fund board office authority "
                + "administration church front movement brigade brigades team fc times news press television radio "
                + "institution service services industries holdings motors systems technologies "
                + "sa sas sarl société banque université ministère parti conseil comité agence fédération ligue armée "
                + "tribunal cour assemblée sénat fondation école hôpital groupe compagnie institut mouvement syndicat "
                + "gouvernement lycée collège académie");
        put(m, LOCATION_WORD, "city town village river mountain mountains mount mt lake island islands county province "
                + "state states street avenue road valley bay sea ocean gulf desert north south east west northern "
                + "southern eastern western region district republic kingdom peninsula coast strait "
                + "ville village rivière fleuve mont monts lac île îles comté région rue boulevard vallée mer océan golfe "
                + "nord sud ouest république royaume canton commune département arrondissement saint sainte");
        put(m, PLACE_PREPOSITION, "in at from near into across throughout outside inside toward towards via "
                + "à au aux en dans vers près depuis chez");
        put(m, SPEECH, "said says told added asked stated according dit déclaré déclare affirme affirmé selon explique "
                + "expliqué annoncé annonce");
        put(m, DETERMINER, "the le la les l du des");
        return Map.copyOf(m);
    }

    /** A title or role word that precedes a name ({@code President}, {@code Mr}, {@code ministre}, {@code M}). */
    static boolean isPersonTitle(String lower) {
        return TRIGGERS.getOrDefault(lower, 0) == PERSON_TITLE || TITLE_QUALIFIERS.contains(lower);
    }


    private static void put(Map<String, Integer> m, int type, String words) {
        for (String w : words.split(" ")) {
            m.putIfAbsent(w, type);
        }
    }

    int[][] features(List<Token> tokens) {
        return features(tokens, false);
    }

    /**
     * The feature buckets of each token; {@code withoutWord} leaves out those of the word itself (its forms, affixes and
     * the word bigrams through it), for word dropout in training.
     */
    int[][] features(List<Token> tokens, boolean withoutWord) {
        int n = tokens.size();
        String[] lower = new String[n];
        int[] hl = new int[n];
        int[] hshape = new int[n];
        int[] trigger = new int[n];
        int[] gaz = new int[n];
        int[] person = new int[n];
        int[][] classes = new int[n][];
        for (int i = 0; i < n; i++) {
            lower[i] = tokens.get(i).text().toLowerCase(Locale.ROOT);
        }
        int caseMode = caseMode(tokens);
        for (int i = 0; i < n; i++) {
            String text = tokens.get(i).text();
            hl[i] = hash(lower[i]);
            hshape[i] = hash(caseMode == 0 ? shortShape(text) : shortShape(lower[i]));
            trigger[i] = TRIGGERS.getOrDefault(lower[i], 0);
            gaz[i] = gazetteer.tokenTypes(tokens.get(i).norm());
            person[i] = world.personWord(tokens.get(i).norm());
            classes[i] = clusters.of(lower[i]);
        }
        int[] span = gazetteer.spans(tokens, 2);
        int[] place = world.placeSpans(tokens);
        int[] named = new int[n];
        int[] nameSpan = names == null ? null : names.spans(tokens, 3);
        if (names != null) {
            for (int i = 0; i < n; i++) {
                named[i] = names.tokenTypes(tokens.get(i).norm());
            }
        }
        int[][] features = new int[n][];
        int[] f = new int[80];
        for (int i = 0; i < n; i++) {
            int k = 0;
            String text = tokens.get(i).text();
            String l = lower[i];
            boolean initial = i == 0 || isOpening(tokens.get(i - 1).text());
            boolean capitalised = Character.isUpperCase(text.codePointAt(0));
            int mode = caseMode * 4 + (initial ? 2 : 0) + (capitalised ? 1 : 0);
            f[k++] = bucket(1, 0, 0);
            if (!withoutWord) {
                f[k++] = bucket(2, hl[i], 0);
                f[k++] = bucket(3, caseMode == 0 ? hash(text) : hl[i], 0);
            }
            f[k++] = bucket(4, caseMode == 0 ? hash(shape(text)) : -caseMode, 0);
            f[k++] = bucket(5, hshape[i], mode);
            f[k++] = bucket(6, mode, capitalRatio(l));
            f[k++] = bucket(7, mode, frequency(l));
            for (int len = 1; len <= 4 && !withoutWord; len++) {
                if (l.length() > len) {
                    f[k++] = bucket(7 + len, hash(l.substring(0, len)), 0);
                    f[k++] = bucket(11 + len, hash(l.substring(l.length() - len)), 0);
                }
            }
            f[k++] = bucket(16, at(hl, i - 1), 0);
            f[k++] = bucket(17, at(hl, i + 1), 0);
            f[k++] = bucket(18, at(hl, i - 2), 0);
            f[k++] = bucket(19, at(hl, i + 2), 0);
            if (!withoutWord) {
                f[k++] = bucket(20, at(hl, i - 1), hl[i]);
                f[k++] = bucket(21, hl[i], at(hl, i + 1));
            }
            f[k++] = bucket(22, at(hshape, i - 1), 0);
            f[k++] = bucket(23, at(hshape, i + 1), 0);
            f[k++] = bucket(24, at(hshape, i - 1), hshape[i] * 31 + at(hshape, i + 1));
            f[k++] = bucket(25, at(hl, i - 1), hshape[i]);
            f[k++] = bucket(26, hshape[i], at(hl, i + 1));
            f[k++] = bucket(27, trigger[i], 0);
            f[k++] = bucket(28, i > 0 ? trigger[i - 1] : -1, mode);
            f[k++] = bucket(29, i + 1 < n ? trigger[i + 1] : -1, mode);
            f[k++] = bucket(30, i > 1 ? trigger[i - 2] : -1, 0);
            f[k++] = bucket(31, i + 2 < n ? trigger[i + 2] : -1, 0);
            f[k++] = bucket(32, gaz[i], capitalised ? 1 : 0);
            f[k++] = bucket(33, i > 0 ? gaz[i - 1] : -1, 0);
            f[k++] = bucket(34, i + 1 < n ? gaz[i + 1] : -1, 0);
            f[k++] = bucket(35, span[i], capitalised ? 1 : 0);
            f[k++] = bucket(36, i > 0 ? span[i - 1] : -1, 0);
            f[k++] = bucket(37, i + 1 < n ? span[i + 1] : -1, 0);
            if (names != null) {
                f[k++] = bucket(60, named[i], capitalised ? 1 : 0);
                f[k++] = bucket(61, nameSpan[i], capitalised ? 1 : 0);
                f[k++] = bucket(62, i > 0 ? nameSpan[i - 1] : -1, 0);
                f[k++] = bucket(63, i + 1 < n ? nameSpan[i + 1] : -1, 0);
                f[k++] = bucket(64, nameSpan[i], mode);
            }
            f[k++] = bucket(65, place[i], capitalised ? 1 : 0);
            f[k++] = bucket(66, i > 0 ? place[i - 1] : -1, 0);
            f[k++] = bucket(67, i + 1 < n ? place[i + 1] : -1, 0);
            f[k++] = bucket(68, person[i], mode);
            f[k++] = bucket(69, i > 0 ? person[i - 1] & LatinNames.GIVEN : -1, person[i] + (capitalised ? 4 : 0));
            for (int g = 0; g < clusters.granularities(); g++) {
                f[k++] = bucket(40 + g, classId(classes, i, g), 0);
                f[k++] = bucket(44 + g, classId(classes, i, g), mode);
                f[k++] = bucket(48 + g, classId(classes, i - 1, g), 0);
                f[k++] = bucket(52 + g, classId(classes, i + 1, g), 0);
            }
            features[i] = Arrays.copyOf(f, k);
        }
        return features;
    }

    /**
     * 1 for a sentence written in capitals (at least 70 % of three or more words: a headline), 2 for one written all in
     * lower case, else 0: in the first two, case tells no name.
     */
    static int caseMode(List<Token> tokens) {
        int upper = 0;
        int lowerOnly = 0;
        int words = 0;
        for (Token token : tokens) {
            String text = token.text();
            if (Character.isLetter(text.codePointAt(0))) {
                words++;
                if (text.equals(text.toUpperCase(Locale.ROOT)) && text.length() > 1) {
                    upper++;
                } else if (text.equals(text.toLowerCase(Locale.ROOT))) {
                    lowerOnly++;
                }
            }
        }
        return words >= 3 && upper * 10 >= words * 7 ? 1 : words >= 3 && lowerOnly == words ? 2 : 0;
    }

    private static boolean isOpening(String previous) {
        return previous.equals("\"") || previous.equals("“") || previous.equals("«") || previous.equals("(")
                || previous.equals(":") || previous.equals("-") || previous.equals("—") || previous.equals("'")
                || previous.equals("‘") || previous.equals(".") || previous.equals("!") || previous.equals("?")
                || previous.equals("[");
    }

    /**
     * Whether the word (lower case) is an ordinary word: written capitalised in under half of its non-initial
     * occurrences in the training text, or not in it at all.
     */
    boolean ordinaryWord(String lower) {
        return capitalRatio(lower) <= 2;
    }

    /** 0 unknown, then 1–4 by the share of non-initial occurrences written capitalised in the training text. */
    private int capitalRatio(String lower) {
        Integer total = lexicon.get(lower);
        if (total == null) {
            return 0;
        }
        int capitalised = lexicon.getOrDefault(CAPITALISED + lower, 0);
        double share = (double) capitalised / total;
        return share < 0.1 ? 1 : share < 0.5 ? 2 : share < 0.9 ? 3 : 4;
    }

    private int frequency(String lower) {
        Integer total = lexicon.get(lower);
        return total == null ? 0 : total < 5 ? 1 : total < 50 ? 2 : total < 500 ? 3 : 4;
    }

    /** Character classes (X upper, x lower, d digit, other kept), runs of more than two cut to two, plus a length class. */
    static String shape(String word) {
        StringBuilder s = new StringBuilder();
        char last = 0;
        int repeats = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            char c = Character.isDigit(cp) ? 'd' : Character.isUpperCase(cp) ? 'X'
                    : Character.isLetter(cp) ? 'x' : cp < 0x10000 ? (char) cp : '?';
            if (c == last) {
                if (++repeats >= 2) {
                    continue;
                }
            } else {
                repeats = 0;
            }
            s.append(c);
            last = c;
        }
        int length = word.codePointCount(0, word.length());
        return s + (length <= 2 ? "1" : length <= 4 ? "2" : length <= 7 ? "3" : "4");
    }

    /** Shape with every run collapsed to one character: {@code Xx}, {@code X}, {@code d}, {@code x}, {@code XxX}. */
    static String shortShape(String word) {
        StringBuilder s = new StringBuilder();
        char last = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            char c = Character.isDigit(cp) ? 'd' : Character.isUpperCase(cp) ? 'X'
                    : Character.isLetter(cp) ? 'x' : cp < 0x10000 ? (char) cp : '?';
            if (c != last) {
                s.append(c);
            }
            last = c;
        }
        return s.toString();
    }

    private int bucket(int template, int a, int b) {
        return FeatureCodes.bucket(template, a, b, bits);
    }
}
