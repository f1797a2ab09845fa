package dev.khabar.enrich.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Numbers written in words in folded Arabic, English or French text ({@code twenty-five}, {@code quatre-vingt-dix},
 * {@code خمسة وعشرين}, {@code ثلاثمائة}, {@code مليون}), as the digits {@link QuantityFinder} reads: a counted noun or
 * a unit must still follow for an amount to be kept. {@code one}, {@code a} and {@code un} count only before a
 * scale word ({@code a million dollars}); Arabic clitics before the first word stay ({@code وعشرين} → {@code و20}).
 */
final class NumberWords {

    /** A language's number words, by the folded words of each written form joined with single spaces. */
    private record Table(Map<String, Long> values, Set<String> onlyBeforeScale, Set<String> scales,
                         Map<String, Long> standalone, Set<String> hundreds, String andWord, boolean arabic,
                         Set<String> starts) {

        /** {@code starts}: the words a number can start with, so that most words are passed over at once. */
        Table(Map<String, Long> values, Set<String> onlyBeforeScale, Set<String> scales, Map<String, Long> standalone,
              Set<String> hundreds, String andWord, boolean arabic) {
            this(values, onlyBeforeScale, scales, standalone, hundreds, andWord, arabic, Stream.concat(
                    values.keySet().stream().map(k -> k.split(" ")[0]), standalone.keySet().stream())
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private static final Table ENGLISH = english();
    private static final Table FRENCH = french();
    private static final Table ARABIC = arabic();
    private static final int LONGEST = 4;
    /** Latin scale words that join a smaller number after them ({@code fifty-nine thousand one hundred}). */
    private static final Map<String, Long> SCALE_VALUES = Map.of("thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L, "trillion", 1_000_000_000_000L, "mille", 1_000L, "millions", 1_000_000L,
            "milliard", 1_000_000_000L, "milliards", 1_000_000_000L);
    /** Half before a standalone scale word or {@code a}: {@code نصف مليون}, {@code half a million}. */
    private static final Set<String> HALF = Set.of("نصف", "half");

    private NumberWords() {
    }

    /** The spans of {@code folded} that are numbers in words of {@code language} ({@code ar}, {@code en}, {@code fr}). */
    static List<FoldedText.Replacement> find(FoldedText text, String language) {
        String folded = text.text;
        Table table = language == null ? null : switch (language.length() >= 2 ? language.substring(0, 2) : language) {
            case "en" -> ENGLISH;
            case "fr" -> FRENCH;
            case "ar" -> ARABIC;
            default -> null;
        };
        List<FoldedText.Replacement> found = new ArrayList<>();
        if (table == null) {
            return found;
        }
        List<int[]> words = words(folded);
        int previousEnd = -1;
        for (int i = 0; i < words.size(); i++) {
            int start = words.get(i)[0];
            String first = word(folded, words.get(i));
            if (table.arabic() && first.length() > 3 && "وبل".indexOf(first.charAt(0)) >= 0
                    && !table.values().containsKey(first) && !table.standalone().containsKey(first)) {
                first = first.substring(1);
                start++;
            }
            if (!table.starts().contains(first)) {
                continue;
            }
            if (!table.arabic() && partOfName(text, start)) {
                continue;  // Six Nations, Five Live, top-five
            }
            long[] match = match(folded, words, i, first, table);
            if (match != null && match[1] == i && Long.valueOf(10).equals(table.values().get(first)) && i > 0
                    && word(folded, words.get(i - 1)).startsWith("ال")) {
                continue;  // السابع عشر: the tens of an ordinal
            }
            String previous = i > 0 && joined(folded, words, i - 1, table) ? word(folded, words.get(i - 1)) : "";
            if (match == null && table.standalone().containsKey(first)
                    && !(previousEnd >= 0 && folded.substring(previousEnd, start).isBlank())
                    && !endsWithDigit(folded, start) && !table.values().containsKey(withoutArticle(previous))) {
                match = arabicTail(folded, words, table.standalone().get(first), i, table);  // مليون دولار, not 3 مليون
                if (HALF.contains(previous) && match[1] == i) {
                    found.add(new FoldedText.Replacement(words.get(i - 1)[0], words.get(i)[1],
                            Long.toString(match[0] / 2)));  // نصف مليون دولار
                    previousEnd = words.get(i)[1];
                    continue;
                }
            }
            if (match == null) {
                continue;
            }
            int last = (int) match[1];
            if (match[0] == 1 && last == i && HALF.contains(previous)) {
                found.add(new FoldedText.Replacement(words.get(i - 1)[0], words.get(i)[1], "0.5"));  // half a million
                previousEnd = words.get(i)[1];
                continue;
            }
            if (table.arabic() && last + 1 < words.size() && definite(word(folded, words.get(last + 1)))) {
                continue;  // ألف الباحث: a verb; what a number counts is never definite
            }
            if (!table.arabic()) {
                match = composed(folded, words, match, table);
                last = (int) match[1];
            }
            found.add(new FoldedText.Replacement(start, words.get(last)[1], digits(match[0], table)));
            previousEnd = words.get(last)[1];
            i = last;
        }
        return found;
    }

    /**
     * {@code value} in digits as the language groups them ({@code 2,005}, {@code 2 005}), so that a number written in
     * words is never taken for a year ({@code two thousand and five people}).
     */
    private static String digits(long value, Table table) {
        if (table.arabic() || value < 1000) {
            return Long.toString(value);
        }
        String grouped = String.format(Locale.ROOT, "%,d", value);
        return table == FRENCH ? grouped.replace(',', ' ') : grouped;
    }

    /** A Latin number word written against a hyphen, or capitalised inside a sentence. */
    private static boolean partOfName(FoldedText text, int start) {
        if (start > 0 && text.text.charAt(start - 1) == '-') {
            return true;
        }
        if (!Character.isUpperCase(text.original(start, start + 1).codePointAt(0))) {
            return false;
        }
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.text.charAt(i)) && text.text.charAt(i) != '\n') {
            i--;
        }
        return i >= 0 && (Character.isLetterOrDigit(text.text.charAt(i)) || text.text.charAt(i) == ',');
    }

    private static String withoutArticle(String word) {
        return word.startsWith("ال") ? word.substring(2) : word;
    }

    private static boolean definite(String word) {
        return word.startsWith("ال") && !word.equals("الاف") && !word.equals("الف");
    }

    /** Whether a digit comes before {@code end}, past white space and brackets ({@code (72) مليون}). */
    private static boolean endsWithDigit(String text, int end) {
        int i = end - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ')')) {
            i--;
        }
        return i >= 0 && Character.isDigit(text.charAt(i));
    }

    /** The value and last word of the number starting at word {@code i} (read as {@code first}), or null. */
    private static long[] match(String text, List<int[]> words, int i, String first, Table table) {
        if (!table.arabic() && table.hundreds().contains(first) && table.standalone().containsKey(first)) {
            return withTail(text, words, 100, i, table);  // cent neuf
        }
        long[] head = phrase(text, words, i, first, table);
        if (head == null) {
            return null;
        }
        long value = head[0];
        int last = (int) head[1];
        if (table.onlyBeforeScale().contains(first) && last == i) {
            String next = last + 1 < words.size() && joined(text, words, last, table) ? word(text, words.get(last + 1)) : "";
            if (!table.scales().contains(next)) {
                return null;
            }
        }
        if (!table.arabic() && last + 1 < words.size() && joined(text, words, last, table)
                && table.hundreds().contains(word(text, words.get(last + 1))) && value < 10) {
            return withTail(text, words, value * 100, last + 1, table);
        }
        return table.arabic() ? arabicTail(text, words, value, last, table) : new long[] {value, last};
    }

    /**
     * A Latin number read on through falling scale words and the smaller numbers after them ({@code fifty-nine
     * thousand one hundred and thirty}, {@code deux millions trois cent mille}, {@code mille deux cents}); {@code head}
     * as it is when no smaller number follows a scale word ({@code three thousand}: the scale word is read with the
     * digits), or when the number after the scale word starts a number of its own ({@code two thousand and three
     * thousand}).
     */
    private static long[] composed(String text, List<int[]> words, long[] head, Table table) {
        int last = (int) head[1];
        Long headScale = SCALE_VALUES.get(word(text, words.get(last)));
        long total = headScale == null ? 0 : head[0];
        long ceiling = headScale == null ? Long.MAX_VALUE : headScale;
        long group = headScale == null ? head[0] : 0;
        boolean smallerRead = false;
        while (true) {
            if (group == 0) {
                int next = last + 1;
                if (table.andWord() != null && next < words.size() && joined(text, words, last, table)
                        && word(text, words.get(next)).equals(table.andWord())) {
                    next++;
                }
                if (next >= words.size() || !joined(text, words, next - 1, table)) {
                    break;
                }
                long[] tail = match(text, words, next, word(text, words.get(next)), table);
                if (tail == null || tail[0] >= ceiling || scaleAfter(text, words, (int) tail[1], table) >= ceiling) {
                    break;
                }
                group = tail[0];
                last = (int) tail[1];
                smallerRead = true;
            }
            long scale = scaleAfter(text, words, last, table);
            if (scale == 0 || scale >= ceiling) {
                break;
            }
            total += group * scale;
            ceiling = scale;
            group = 0;
            last++;
        }
        return smallerRead ? new long[] {total + group, last} : head;
    }

    /** The value of the Latin scale word joined after word {@code k}, or 0. */
    private static long scaleAfter(String text, List<int[]> words, int k, Table table) {
        return joined(text, words, k, table) ? SCALE_VALUES.getOrDefault(word(text, words.get(k + 1)), 0L) : 0;
    }

    /** Hundreds or thousands ending at word {@code last} and the smaller number joined by و ({@code ألف ومئتي}). */
    private static long[] arabicTail(String text, List<int[]> words, long value, int last, Table table) {
        if (value >= 100 && last + 1 < words.size() && joined(text, words, last, table)) {
            String next = word(text, words.get(last + 1));
            if (next.length() > 1 && next.charAt(0) == 'و') {
                long[] tail = phrase(text, words, last + 1, next.substring(1), table);
                if (tail != null && tail[0] < value) {
                    return new long[] {value + tail[0], tail[1]};
                }
            }
        }
        return new long[] {value, last};
    }

    /** Hundreds ending at word {@code last}, and the tens and units after them ({@code two hundred and fifty}). */
    private static long[] withTail(String text, List<int[]> words, long hundreds, int last, Table table) {
        int rest = last + 1;
        if (table.andWord() != null && rest < words.size() && joined(text, words, last, table)
                && word(text, words.get(rest)).equals(table.andWord())) {
            rest++;
        }
        if (rest < words.size() && joined(text, words, rest - 1, table)) {
            String first = word(text, words.get(rest));
            long[] tail = phrase(text, words, rest, first, table);
            if (tail != null && tail[0] < 100 && !table.onlyBeforeScale().contains(first)) {
                return new long[] {hundreds + tail[0], tail[1]};
            }
        }
        return new long[] {hundreds, last};
    }

    /** The longest run of up to {@link #LONGEST} words from {@code i} that the table holds. */
    private static long[] phrase(String text, List<int[]> words, int i, String first, Table table) {
        StringBuilder key = new StringBuilder(first);
        long[] best = table.values().containsKey(first) ? new long[] {table.values().get(first), i} : null;
        for (int k = i + 1; k < words.size() && k < i + LONGEST && joined(text, words, k - 1, table); k++) {
            key.append(' ').append(word(text, words.get(k)));
            Long value = table.values().get(key.toString());
            if (value != null) {
                best = new long[] {value, k};
            }
        }
        return best;
    }

    /** Whether word {@code k} and the next are parts of one phrase: white space between, or one hyphen in Latin text. */
    private static boolean joined(String text, List<int[]> words, int k, Table table) {
        if (k + 1 >= words.size()) {
            return false;
        }
        String gap = text.substring(words.get(k)[1], words.get(k + 1)[0]);
        return !gap.isEmpty() && (gap.isBlank() && gap.indexOf('\n') < 0 || !table.arabic() && gap.equals("-"));
    }

    private static String word(String text, int[] span) {
        return text.substring(span[0], span[1]);
    }

    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            words.add(new int[] {start, i});
        }
        return words;
    }

    private static Table english() {
        String[] units = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        Map<String, Long> values = new HashMap<>();
        for (int n = 1; n < 100; n++) {
            values.put(n < 10 ? units[n] : n < 20 ? teens[n - 10]
                    : tens[n / 10] + (n % 10 == 0 ? "" : " " + units[n % 10]), (long) n);
        }
        values.put("a", 1L);
        return new Table(values, Set.of("one", "a"), Set.of("hundred", "thousand", "million", "billion", "trillion"),
                Map.of(), Set.of("hundred"), "and", false);
    }

    private static Table french() {
        Map<String, Long> values = new HashMap<>();
        for (int n = 1; n < 100; n++) {
            for (String written : frenchForms(n)) {
                values.put(written, (long) n);
            }
        }
        values.put("une", 1L);
        for (Map.Entry<String, Integer> regional : Map.of("septante", 70, "huitante", 80, "octante", 80, "nonante", 90)
                .entrySet()) {
            values.put(regional.getKey(), (long) regional.getValue());
            for (int u = 1; u < 10; u++) {
                values.put(regional.getKey() + (u == 1 ? " et un" : " " + frenchForms(u).get(0)),
                        (long) regional.getValue() + u);
            }
        }
        return new Table(values, Set.of("un", "une"), Set.of("cent", "mille", "million", "millions", "milliard",
                "milliards"), Map.of("cent", 100L, "mille", 1000L), Set.of("cent", "cents"), null, false);
    }

    /** The ways of writing {@code n} (1 to 99) in French, hyphens as spaces. */
    private static List<String> frenchForms(int n) {
        String[] units = {"", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"};
        String[] teens = {"dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix sept", "dix huit",
            "dix neuf"};
        String[] tens = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante"};
        if (n < 10) {
            return List.of(units[n]);
        }
        if (n < 20) {
            return List.of(teens[n - 10]);
        }
        if (n < 70) {
            String t = tens[n / 10];
            int u = n % 10;
            return u == 0 ? List.of(t) : u == 1 ? List.of(t + " et un", t + " et une") : List.of(t + " " + units[u]);
        }
        if (n < 80) {
            return n == 71 ? List.of("soixante et onze") : List.of("soixante " + teens[n - 70]);
        }
        return n == 80 ? List.of("quatre vingts", "quatre vingt")
                : List.of("quatre vingt " + frenchForms(n - 80).get(0));
    }

    private static Table arabic() {
        String[][] units = {{}, {"واحد", "واحده", "احدي"}, {"اثنان", "اثنين", "اثنتان", "اثنتين"}, {"ثلاثه", "ثلاث"},
            {"اربعه", "اربع"}, {"خمسه", "خمس"}, {"سته", "ست"}, {"سبعه", "سبع"}, {"ثمانيه", "ثماني", "ثمان"},
            {"تسعه", "تسع"}};
        String[][] tens = {{}, {}, {"عشرون", "عشرين"}, {"ثلاثون", "ثلاثين"}, {"اربعون", "اربعين"}, {"خمسون", "خمسين"},
            {"ستون", "ستين"}, {"سبعون", "سبعين"}, {"ثمانون", "ثمانين"}, {"تسعون", "تسعين"}};
        Map<String, Long> values = new HashMap<>();
        for (int n = 2; n < 10; n++) {
            for (String u : units[n]) {
                values.put(u, (long) n);
            }
        }
        values.put("عشره", 10L);
        values.put("عشر", 10L);
        for (String teen : List.of("احد عشر", "احدي عشره")) {
            values.put(teen, 11L);
        }
        for (String teen : List.of("اثنا عشر", "اثني عشر", "اثنتا عشره", "اثنتي عشره")) {
            values.put(teen, 12L);
        }
        for (int n = 3; n < 10; n++) {
            for (String u : units[n]) {
                values.put(u + " عشر", 10L + n);
                values.put(u + " عشره", 10L + n);
            }
        }
        for (int t = 2; t < 10; t++) {
            for (String ten : tens[t]) {
                values.put(ten, 10L * t);
                for (int u = 1; u < 10; u++) {
                    for (String unit : units[u]) {
                        values.put(unit + " و" + ten, 10L * t + u);
                    }
                }
            }
        }
        for (String hundred : List.of("مائه", "مئه")) {
            values.put(hundred, 100L);
            String[] stems = {"", "", "", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
            for (int n = 3; n < 10; n++) {
                values.put(stems[n] + hundred, 100L * n);
                values.put(stems[n] + " " + hundred, 100L * n);
            }
        }
        for (String twoHundred : List.of("مائتان", "مائتين", "مئتان", "مئتين", "مائتا", "مئتا", "مائتي", "مئتي")) {
            values.put(twoHundred, 200L);
        }
        Map<String, Long> standalone = new HashMap<>();
        for (String thousand : List.of("الف", "الفا")) {
            standalone.put(thousand, 1_000L);
        }
        for (String thousands : List.of("الفان", "الفين", "الفي")) {
            standalone.put(thousands, 2_000L);
        }
        standalone.put("مليون", 1_000_000L);
        for (String millions : List.of("مليونان", "مليونين", "مليوني")) {
            standalone.put(millions, 2_000_000L);
        }
        standalone.put("مليار", 1_000_000_000L);
        standalone.put("بليون", 1_000_000_000L);
        for (String billions : List.of("ملياران", "مليارين", "ملياري")) {
            standalone.put(billions, 2_000_000_000L);
        }
        return new Table(values, Set.of(), Set.of(), standalone, Set.of(), null, true);
    }
}
