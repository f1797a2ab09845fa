package dev.khabar.enrich.measure;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.khabar.enrich.extract.NewsDateParser;
import dev.khabar.model.DateExpression;

/**
 * Finds the dates of an article body in Arabic, English and French: full dates through {@link NewsDateParser} (both
 * Arabic month systems, pair forms, Arabic-Indic digits, Hijri dates), extended over a weekday before them; dates without
 * a year (Hijri ones too: {@code 17 رمضان}) or without a day; years after a cue ({@code عام 2014}, {@code in 2014});
 * and relative dates ({@code أمس}, {@code last Monday}, {@code mardi dernier}, {@code الشهر الماضي}) computed from the
 * article's date. Knows nothing of Kafka; safe for concurrent use.
 */
public final class DateFinder {

    private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{M}])";
    private static final String NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";
    private static final String MONTH_PAIR = "(" + CalendarWords.MONTH + ")\\.?(?:\\s*[/(]\\s*(?:"
            + CalendarWords.MONTH + ")\\.?\\s*\\)?)?";
    private static final String YEAR = "((?:19|20)\\d{2})(?!\\d)";

    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d.:/])(\\d{1,2})(?:st|nd|rd|th|er|e)?\\.?\\s*"
            + "(?:of\\s+|de\\s+|من\\s+)?" + MONTH_PAIR + "(?:\\s*[,،]?\\s*" + YEAR + ")?");
    private static final Pattern MONTH_DAY = Pattern.compile(MONTH_PAIR
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:\\s*,?\\s*" + YEAR + ")?");
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH_PAIR + "\\s*[,،]?\\s*" + YEAR);
    private static final Pattern CUED_YEAR = Pattern.compile(NOT_LETTER_BEFORE
            + "(?:عام|العام|سنه|السنه|منذ|مطلع|اواخر|اوائل|اواسط|نهايه|بدايه|خلال|حتي|in|since|by|during|until|"
            + "en|depuis|annee|l'an|fin|debut|jusqu'en)\\s+(?:عام\\s+)?" + YEAR);
    private static final Pattern WEEKDAY_BEFORE = Pattern.compile("(?:(?:اليوم|يوم|today|on|le)\\s+)?("
            + CalendarWords.WEEKDAY + ")\\s*[,،]?\\s*$");
    private static final Pattern RELATIVE_DAY = Pattern.compile(NOT_LETTER_BEFORE + "(?:"
            + "(اول\\s+(?:من\\s+)?امس|the\\s+day\\s+before\\s+yesterday|avant-hier)"
            + "|(بعد\\s+غد|apres-demain|the\\s+day\\s+after\\s+tomorrow)"
            + "|(امس|الامس|البارحه|yesterday|hier)"
            + "|(غدا|يوم\\s+غد|tomorrow|demain)"
            + "|(اليوم(?!\\s+(?:التالي|الاول|الثاني|الثالث|السابق|الوطني|العالمي|الدولي|الاخير|نفسه|ذاته|الذي))"
            + "|today|aujourd'hui))" + NOT_LETTER_AFTER);
    private static final Pattern RELATIVE_WEEKDAY = Pattern.compile("(" + CalendarWords.WEEKDAY
            + ")(?:\\s+(الماضي|المقبل|القادم|dernier|prochain)" + NOT_LETTER_AFTER + ")?");
    // the month patterns cost a scan from every position, so they are run only next to a cue found first
    private static final Pattern MONTH_CUE = Pattern.compile(NOT_LETTER_BEFORE
            + "(?:(last|next)\\s+|(الماضي|المقبل|القادم|dernier|prochain)" + NOT_LETTER_AFTER + ")");
    private static final Pattern MONTH_BEFORE_CUE = Pattern.compile(MONTH_PAIR + "\\s*[,،]?\\s+$");
    private static final Pattern MONTH_AFTER_CUE = Pattern.compile("^" + MONTH_PAIR);
    private static final Pattern MONTH_BEFORE_MARK = Pattern.compile("(" + CalendarWords.MONTH + ")\\.?\\s*$");
    private static final Pattern MONTH_AFTER_MARK = Pattern.compile("^\\s*(" + CalendarWords.MONTH + ")\\.?\\s*\\)?");
    private static final int MONTH_WINDOW = 40;
    /** Month names that are also English words. */
    private static final Set<String> WORD_MONTHS = Set.of("may", "mar");
    private static final Pattern CUE_BEFORE = Pattern.compile(NOT_LETTER_BEFORE + "(?:(last|next|this|on)|(يوم))\\s+$");
    private static final Pattern RELATIVE_PERIOD = Pattern.compile(NOT_LETTER_BEFORE + "(?:"
            + "(الشهر\\s+الماضي|last\\s+month|le\\s+mois\\s+dernier)"
            + "|(الشهر\\s+(?:المقبل|القادم)|next\\s+month|le\\s+mois\\s+prochain)"
            + "|(الشهر\\s+(?:الجاري|الحالي)|هذا\\s+الشهر|this\\s+month|ce\\s+mois-ci)"
            + "|(العام\\s+الماضي|السنه\\s+الماضيه|last\\s+year|l'annee\\s+derniere|l'an\\s+dernier)"
            + "|(العام\\s+(?:المقبل|القادم)|السنه\\s+(?:المقبله|القادمه)|next\\s+year|l'annee\\s+prochaine"
            + "|l'an\\s+prochain)"
            + "|(العام\\s+(?:الجاري|الحالي)|هذا\\s+العام|this\\s+year|cette\\s+annee))" + NOT_LETTER_AFTER);
    /** Arabic weekdays that are never other words; الاحد, الاثنين and الجمعة need يوم or الماضي/المقبل. */
    private static final List<String> SAFE_ARABIC_WEEKDAYS = List.of("الثلاثاء", "الاربعاء", "الخميس", "السبت");
    /** Arabic ordinal days, folded: {@code السابع} 7, {@code الحادي والعشرين} 21. */
    private static final Map<String, Integer> ORDINAL_DAYS = ordinalDays();
    private static final Set<String> ORDINAL_FIRST_WORDS = ORDINAL_DAYS.keySet().stream().map(d -> d.split(" ")[0])
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern ORDINAL_DAY_MONTH = Pattern.compile(NOT_LETTER_BEFORE + "("
            + CalendarWords.alternation(List.copyOf(ORDINAL_DAYS.keySet())) + ")\\s+من\\s+(?:شهر\\s+)?" + MONTH_PAIR
            + "(?:\\s*[,،]?\\s*" + YEAR + ")?");

    private DateFinder() {
    }

    private record Found(int start, int end, String value, boolean relative, String calendar, int rank) {
    }

    /**
     * The dates of {@code body}, in order, not overlapping.
     *
     * @param publishedAt the article's ISO-8601 date or date-time, anchoring relative dates; without it they are left out
     */
    public static List<DateExpression> find(String body, String publishedAt) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        FoldedText folded = FoldedText.of(body);
        String text = folded.text;
        LocalDate anchor = anchor(publishedAt);
        List<Found> found = new ArrayList<>();
        Matcher m = DAY_MONTH.matcher(text).useTransparentBounds(true);
        Matcher monthDay = MONTH_DAY.matcher(text).useTransparentBounds(true);
        Matcher monthYear = MONTH_YEAR.matcher(text).useTransparentBounds(true);
        for (int lineStart = 0; lineStart < text.length(); ) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            int digits = digitRun(text, lineStart, lineEnd);
            if (digits >= 4) {  // every full date has a four-digit year: the costly parser reads only such lines
                for (NewsDateParser.DateMention d : NewsDateParser.findAll(text.substring(lineStart, lineEnd))) {
                    found.add(new Found(lineStart + d.start(), lineStart + d.end(), d.iso(), false,
                            d.hijri() ? "islamic" : "gregorian", 0));
                }
            }
            if (digits > 0) {
                dayMonth(m.region(lineStart, lineEnd), folded, anchor, found);
                monthDay(monthDay.region(lineStart, lineEnd), folded, anchor, found);
                monthYear(monthYear.region(lineStart, lineEnd), folded, found);
            }
            lineStart = lineEnd + 1;
        }
        if (anchor != null && arabic(text)) {
            for (NewsDateParser.DateMention d : NewsDateParser.findHijriWithoutYear(text, anchor)) {
                found.add(new Found(d.start(), d.end(), d.iso(), true, "islamic", 2));
            }
        }
        int[] words = wordStarts(text);
        for (MatchResult d : matchesAt(ORDINAL_DAY_MONTH, text, ordinalStarts(text, words))) {  // السابع من أكتوبر
            Integer month = CalendarWords.MONTHS.get(d.group(2));
            String day = String.valueOf(ORDINAL_DAYS.get(d.group(1)));
            if (d.group(3) != null) {
                add(found, d.start(), d.end(), date(Integer.parseInt(d.group(3)), month, day), false, 1);
            } else if (anchor != null) {
                add(found, d.start(), d.end(), nearest(anchor, month, day), true, 2);
            }
        }
        for (MatchResult y : matchesAt(CUED_YEAR, text, words)) {
            found.add(new Found(y.start(1), y.end(1), y.group(1), false, "gregorian", 4));
        }
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            Matcher weekday = WEEKDAY_BEFORE.matcher(text).region(Math.max(0, f.start() - 30), f.start());
            if (f.rank() <= 2 && weekday.find()) {  // الأحد 5 يونيو, Monday, June 5
                found.set(i, new Found(weekday.start(), f.end(), f.value(), f.relative(), f.calendar(), f.rank()));
            }
        }
        if (anchor != null) {
            relative(folded, words, anchor, found);
        }
        return resolve(found, folded);
    }

    /** The longest run of ASCII digits in {@code text[from, to)}, capped at 4. */
    private static int digitRun(String text, int from, int to) {
        int best = 0;
        int run = 0;
        for (int i = from; i < to && best < 4; i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static boolean arabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    private static void dayMonth(Matcher m, FoldedText folded, LocalDate anchor, List<Found> found) {
        while (m.find()) {
            Integer month = CalendarWords.MONTHS.get(m.group(2));
            if (m.group(3) != null) {
                add(found, m.start(), m.end(), date(Integer.parseInt(m.group(3)), month, m.group(1)), false, 1);
            } else if (anchor != null && monthWord(folded, m.start(2), m.end(2))) {
                add(found, m.start(), m.end(), nearest(anchor, month, m.group(1)), true, 2);
            }
        }
    }

    private static void monthDay(Matcher m, FoldedText folded, LocalDate anchor, List<Found> found) {
        while (m.find()) {
            Integer month = CalendarWords.MONTHS.get(m.group(1));
            if (m.group(3) != null) {
                add(found, m.start(), m.end(), date(Integer.parseInt(m.group(3)), month, m.group(2)), false, 1);
            } else if (anchor != null && monthWord(folded, m.start(1), m.end(1))) {
                add(found, m.start(), m.end(), nearest(anchor, month, m.group(2)), true, 2);
            }
        }
    }

    private static void monthYear(Matcher m, FoldedText folded, List<Found> found) {
        while (m.find()) {
            Integer month = CalendarWords.MONTHS.get(m.group(1));
            if (month != null && monthWord(folded, m.start(1), m.end(1))) {
                found.add(new Found(m.start(), m.end(), m.group(2) + "-" + two(month), false, "gregorian", 3));
            }
        }
    }

    private static void relative(FoldedText folded, int[] words, LocalDate anchor, List<Found> found) {
        String text = folded.text;
        for (MatchResult m : matchesAt(RELATIVE_DAY, text, words)) {
            int[] shift = {-2, 2, -1, 1, 0};
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null || g == 5) {
                    found.add(new Found(m.start(), m.end(), anchor.plusDays(shift[g - 1]).toString(), true, "gregorian",
                            5));
                    break;
                }
            }
        }
        Matcher before = CUE_BEFORE.matcher(text).useTransparentBounds(true);
        for (MatchResult m : matchesAt(RELATIVE_WEEKDAY, text, words)) {
            String day = m.group(1);
            String after = m.group(2);
            boolean cued = before.region(Math.max(0, m.start() - 8), m.start()).find();
            String cue = cued ? before.group(1) : null;
            int cueStart = cued ? before.start() : m.start();
            boolean arabic = day.charAt(0) >= 0x0600;
            if (arabic && !(cued && before.group(2) != null) && after == null && !SAFE_ARABIC_WEEKDAYS.contains(day)) {
                continue;
            }
            if (arabic && after != null && !after.startsWith("ال") || !arabic && after != null && after.startsWith("ال")) {
                after = null;
            }
            DayOfWeek dow = DayOfWeek.of(CalendarWords.WEEKDAYS.get(day));
            LocalDate date;
            if ("next".equals(cue) || after != null && (after.equals("المقبل") || after.equals("القادم")
                    || after.equals("prochain"))) {
                date = anchor.with(TemporalAdjusters.next(dow));
            } else if ("last".equals(cue) || after != null) {
                date = anchor.with(TemporalAdjusters.previous(dow));
            } else {
                date = anchor.with(TemporalAdjusters.previousOrSame(dow));  // news mostly reports the past week
            }
            int start = cue == null && cued ? cueStart : m.start();
            if (cue != null && !"on".equals(cue)) {
                start = cueStart;
            }
            int end = after == null ? m.end(1) : m.end();
            found.add(new Found(start, end, date.toString(), true, "gregorian", 6));
        }
        Matcher monthBefore = MONTH_BEFORE_CUE.matcher(text).useTransparentBounds(true);
        Matcher monthAfter = MONTH_AFTER_CUE.matcher(text).useTransparentBounds(true);
        for (MatchResult m : matchesAt(MONTH_CUE, text, words)) {  // أبريل (نيسان) الماضي, last April, en avril dernier: the month's nearest past or next turn
            Matcher month;
            String cue;
            int start;
            int end;
            if (m.group(1) != null) {
                month = monthAfter.region(m.end(), Math.min(text.length(), m.end() + MONTH_WINDOW));
                if (!month.lookingAt()) {
                    continue;
                }
                cue = m.group(1);
                start = m.start();
                end = month.end();
            } else {
                month = monthBefore.region(Math.max(0, m.start() - MONTH_WINDOW), m.start());
                if (!month.find()) {
                    continue;
                }
                cue = m.group(2);
                start = month.start();
                end = m.end();
            }
            Integer number = CalendarWords.MONTHS.get(month.group(1));
            if (number == null || !monthWord(folded, month.start(1), month.end(1))) {
                continue;
            }
            boolean next = cue.equals("next") || cue.equals("المقبل") || cue.equals("القادم") || cue.equals("prochain");
            YearMonth now = YearMonth.from(anchor);
            YearMonth value = YearMonth.of(anchor.getYear(), number);
            if (next && !value.isAfter(now)) {
                value = value.plusYears(1);
            } else if (!next && !value.isBefore(now)) {
                value = value.minusYears(1);
            }
            found.add(new Found(start, end, value.toString(), true, "gregorian", 5));
        }
        for (MatchResult m : matchesAt(RELATIVE_PERIOD, text, words)) {
            String value;
            if (m.group(1) != null) {
                value = anchor.minusMonths(1).toString().substring(0, 7);
            } else if (m.group(2) != null) {
                value = anchor.plusMonths(1).toString().substring(0, 7);
            } else if (m.group(3) != null) {
                value = anchor.toString().substring(0, 7);
            } else if (m.group(4) != null) {
                value = String.valueOf(anchor.getYear() - 1);
            } else if (m.group(5) != null) {
                value = String.valueOf(anchor.getYear() + 1);
            } else {
                value = String.valueOf(anchor.getYear());
            }
            found.add(new Found(m.start(), m.end(), value, true, "gregorian", 5));
        }
    }

    /** Offsets of the letters of {@code text} that start a word: no letter or mark before them. */
    private static int[] wordStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean letter = Character.isLetter(cp);
            if (letter && !inWord) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i;
            }
            inWord = letter || isMark(cp);
            i += Character.charCount(cp);
        }
        return Arrays.copyOf(starts, n);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * The matches {@link Matcher#find()} would give for a pattern whose every match starts with a letter that has no
     * letter or mark before it (the relative-date and cued-year patterns): tried only at {@code words}, the starts of
     * words, instead of at every character, which costs a pass through the pattern's alternation each.
     */
    private static List<MatchResult> matchesAt(Pattern pattern, String text, int[] words) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<MatchResult> matches = new ArrayList<>();
        int next = 0;
        for (int start : words) {
            if (start >= next && m.region(start, text.length()).lookingAt()) {
                matches.add(m.toMatchResult());
                next = Math.max(m.end(), start + 1);
            }
        }
        return matches;
    }

    /** The word starts of {@code words} where an ordinal day may begin: its first word is one of theirs. */
    private static int[] ordinalStarts(String text, int[] words) {
        int[] starts = new int[words.length];
        int n = 0;
        for (int start : words) {
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (ORDINAL_FIRST_WORDS.contains(text.substring(start, end))) {
                starts[n++] = start;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static Map<String, Integer> ordinalDays() {
        String[] units = {"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"};
        Map<String, Integer> days = new HashMap<>();
        for (int n = 1; n <= 9; n++) {
            days.put(FoldedText.fold(units[n - 1]), n);
            days.put(FoldedText.fold((n == 1 ? "الحادي" : units[n - 1]) + " عشر"), 10 + n);
            days.put(FoldedText.fold((n == 1 ? "الحادي" : units[n - 1]) + " والعشرين"), 20 + n);
        }
        days.put(FoldedText.fold("العاشر"), 10);
        days.put(FoldedText.fold("العشرين"), 20);
        days.put(FoldedText.fold("الثلاثين"), 30);
        days.put(FoldedText.fold("الحادي والثلاثين"), 31);
        return Map.copyOf(days);
    }

    private static List<DateExpression> resolve(List<Found> found, FoldedText folded) {
        found.sort(Comparator.comparingInt(Found::start).thenComparingInt(f -> -(f.end() - f.start()))
                .thenComparingInt(Found::rank));
        List<DateExpression> kept = new ArrayList<>();
        int lastEnd = -1;
        for (Found f : found) {
            if (f.start() < lastEnd || f.value() == null) {
                continue;
            }
            lastEnd = f.end();
            String text = folded.original(f.start(), f.end());
            kept.add(new DateExpression(text, folded.codePoint(f.start()), folded.codePoint(f.end()), f.value(),
                    f.relative(), f.calendar()));
        }
        return kept;
    }

    private static void add(List<Found> found, int start, int end, LocalDate date, boolean relative, int rank) {
        if (date != null) {
            found.add(new Found(start, end, date.toString(), relative, "gregorian", rank));
        }
    }

    private static LocalDate date(int year, Integer month, String day) {
        if (month == null) {
            return null;
        }
        try {
            return LocalDate.of(year, month, Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The date with this month and day nearest to the anchor (the year before, of, or after it). */
    private static LocalDate nearest(LocalDate anchor, Integer month, String day) {
        LocalDate best = null;
        for (int year = anchor.getYear() - 1; year <= anchor.getYear() + 1; year++) {
            LocalDate d = date(year, month, day);
            if (d != null && (best == null || Math.abs(d.toEpochDay() - anchor.toEpochDay())
                    < Math.abs(best.toEpochDay() - anchor.toEpochDay()))) {
                best = d;
            }
        }
        return best;
    }

    /**
     * Code-point spans {@code {start, end}} of month names written in the pair form ({@code أبريل (نيسان)},
     * {@code نيسان/أبريل}), dates or not: the words of a month, never a name.
     */
    public static List<int[]> monthPairs(String body) {
        FoldedText folded = FoldedText.of(body == null ? "" : body);
        List<int[]> spans = new ArrayList<>();
        String text = folded.text;
        Matcher before = MONTH_BEFORE_MARK.matcher(text).useTransparentBounds(true);
        Matcher after = MONTH_AFTER_MARK.matcher(text).useTransparentBounds(true);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '(' || c == '/') && before.region(Math.max(0, i - MONTH_WINDOW), i).find()
                    && after.region(i + 1, Math.min(text.length(), i + 1 + MONTH_WINDOW)).lookingAt()
                    && Objects.equals(CalendarWords.MONTHS.get(before.group(1)), CalendarWords.MONTHS.get(after.group(1)))) {
                spans.add(new int[] {folded.codePoint(before.start()), folded.codePoint(after.end())});
                i = after.end() - 1;
            }
        }
        return spans;
    }

    /** Whether {@code publishedAt} can anchor relative dates. */
    public static boolean anchored(String publishedAt) {
        return anchor(publishedAt) != null;
    }

    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    static LocalDate anchor(String publishedAt) {
        if (publishedAt == null) {
            return null;
        }
        Matcher m = ISO_DAY.matcher(publishedAt);
        try {
            return m.find() ? LocalDate.parse(m.group(1)) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Whether the month name at {@code [start, end)} of the folded text reads as a month in a date that lacks its day or
     * year: any name, abbreviations too ({@code Oct 27}), but the English words {@code may} and {@code mar}, which count
     * only capitalised ({@code May 5}, {@code Mar 2024}).
     */
    private static boolean monthWord(FoldedText folded, int start, int end) {
        return !WORD_MONTHS.contains(folded.text.substring(start, end))
                || Character.isUpperCase(folded.original(start, end).charAt(0));
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

}
