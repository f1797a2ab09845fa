package dev.khabar.enrich.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Finds calendar dates written in news text and returns them as ISO-8601. Knows Arabic month names in both
 * systems ({@code يونيو} and {@code حزيران}, also the pair form {@code حزيران/يونيو}), Arabic-Indic digits,
 * weekday prefixes, English forms ({@code 26th, July 2024}, {@code July 26, 2024}), French forms
 * ({@code 1er août 2025}), ISO dates and day/month/year numbers. A time after the date (
 * {@code 07:25 مساءً}, {@code 7:25 pm}, {@code 14h30}) turns the result into a local date-time.
 */
public final class NewsDateParser {

    /**
     * One date found in a text: offsets into the text as given, and the ISO-8601 (Gregorian) value.
     *
     * @param hijri whether the text gave an Islamic (Umm al-Qura) date, converted to Gregorian
     */
    public record DateMention(int start, int end, String iso, boolean hijri) {
    }

    private static final Map<String, Integer> HIJRI_MONTHS = hijriMonths();
    private static final Pattern HIJRI = Pattern.compile("(?<!\\d)(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?("
            + HIJRI_MONTHS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"))
            + ")" + "(?![\\p{L}\\p{M}])\\s*[,،]?\\s*(1[34]\\d{2})(?!\\d)(?:\\s*هـ|\\s*ه(?![\\p{L}]))?");

    /** A Hijri day and month with no year after them ({@code 17 رمضان}, {@code ٢٤ من شهر رمضان}). */
    private static final Pattern HIJRI_DAY_MONTH = Pattern.compile(
            "(?<![\\d.:/])(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?("
            + HIJRI_MONTHS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"))
            + ")" + "(?![\\p{L}\\p{M}])(?!\\s*[,،]?\\s*(?:من\\s+(?:العام|عام)\\s+)?1[34]\\d{2})");

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|", "(?:", ")"));
    private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{M}])";
    private static final String NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";
    private static final String MONTH_PAIR = NOT_LETTER_BEFORE + "(" + MONTH + ")" + NOT_LETTER_AFTER + "\\.?"
            + "(?:\\s*/\\s*" + NOT_LETTER_BEFORE + "(?:" + MONTH + ")" + NOT_LETTER_AFTER + "\\.?)?";
    private static final String TIME = "(?:\\s*(?:[,،\\-–|]|at|a|الساعة|في)?\\s*(?:[,،\\-–|]\\s*)?"
            + "(?<!\\d)(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?(?!\\d)"
            + "(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.|صباحا|مساء|مساءا|ظهرا|ص|م)" + NOT_LETTER_AFTER + ")?)?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|eme|e)?\\.?\\s*[,،]?\\s*(?:of\\s+|de\\s+)?" + MONTH_PAIR
                    + "\\s*[,،]?\\s*(\\d{4})(?!\\d)" + TIME);
    private static final Pattern TIME_DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})[:h](\\d{2})(?!\\d)\\s*(am|pm)?\\s*(?:gmt|utc|bst|cet|ksa)?\\s*[,،]?\\s*"
                    + "(?:\\p{L}+\\s*[,،]?\\s+)?(\\d{1,2})(?:st|nd|rd|th|er)?\\s*[,،]?\\s*" + MONTH_PAIR
                    + "\\s*[,،]?\\s*(\\d{4})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH_PAIR + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)\\s*[,،]?\\s*(\\d{4})(?!\\d)" + TIME);
    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
                    + "(z|[+\\-]\\d{2}:?\\d{2})?)?(?!\\d)");
    private static final Pattern NUMERIC_DMY = Pattern.compile(
            "(?<![\\d/.\\-])(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})(?![\\d/\\-])" + TIME);
    private static final Pattern NUMERIC_YMD = Pattern.compile(
            "(?<![\\d/.\\-])(\\d{4})/(\\d{1,2})/(\\d{1,2})(?![\\d/\\-])" + TIME);

    private NewsDateParser() {
    }

    /**
     * The first date in {@code text}, as ISO-8601 ({@code 2024-06-17} or {@code 2025-08-25T19:25}); a Gregorian
     * date is preferred over an Islamic one given beside it.
     */
    public static Optional<String> parse(String text) {
        List<DateMention> all = findAll(text);
        return all.stream().filter(m -> !m.hijri()).findFirst().or(() -> all.stream().findFirst())
                .map(DateMention::iso);
    }

    /** Every date in {@code text}, in order of appearance; overlapping readings keep the longest. */
    public static List<DateMention> findAll(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Normalized n = Normalized.of(text);
        List<DateMention> found = new ArrayList<>();
        collect(found, n, DAY_MONTH_YEAR, m -> date(m.group(3), MONTHS.get(m.group(2)), m.group(1)), 4);
        collect(found, n, MONTH_DAY_YEAR, m -> date(m.group(3), MONTHS.get(m.group(1)), m.group(2)), 4);
        collect(found, n, NUMERIC_DMY, m -> dayMonthNumbers(m.group(1), m.group(3), m.group(4)), 5);
        collect(found, n, NUMERIC_YMD, m -> date(m.group(1), Integer.parseInt(m.group(2)), m.group(3)), 4);
        Matcher timeFirst = TIME_DAY_MONTH_YEAR.matcher(n.text);
        while (timeFirst.find()) {
            try {
                LocalDate date = date(timeFirst.group(6), MONTHS.get(timeFirst.group(5)), timeFirst.group(4));
                LocalTime time = time(timeFirst.group(1), timeFirst.group(2), null, timeFirst.group(3));
                if (date != null && time != null) {
                    found.add(new DateMention(n.origin(timeFirst.start()), n.originEnd(timeFirst.end()),
                            LocalDateTime.of(date, time).toString(), false));
                }
            } catch (DateTimeException | NumberFormatException e) {
                // not a date after all
            }
        }
        Matcher hijri = HIJRI.matcher(n.text);
        while (hijri.find()) {
            String value = hijriToIso(Integer.parseInt(hijri.group(3)), HIJRI_MONTHS.get(hijri.group(2)),
                    Integer.parseInt(hijri.group(1)));
            if (value != null) {
                found.add(new DateMention(n.origin(hijri.start()), n.originEnd(hijri.end()), value, true));
            }
        }
        Matcher iso = ISO.matcher(n.text);
        while (iso.find()) {
            String value = isoValue(iso);
            if (value != null) {
                found.add(new DateMention(n.origin(iso.start()), n.originEnd(iso.end()), value, false));
            }
        }
        found.sort(Comparator.comparingInt(DateMention::start)
                .thenComparing(Comparator.comparingInt((DateMention d) -> d.end() - d.start()).reversed()));
        List<DateMention> kept = new ArrayList<>();
        for (DateMention mention : found) {
            if (kept.isEmpty() || mention.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(mention);
            }
        }
        return kept;
    }

    private interface DateReader {
        LocalDate read(Matcher m);
    }

    private static void collect(List<DateMention> found, Normalized n, Pattern pattern, DateReader reader,
                                int timeGroup) {
        Matcher m = pattern.matcher(n.text);
        while (m.find()) {
            LocalDate date;
            try {
                date = reader.read(m);
            } catch (DateTimeException | NumberFormatException e) {
                continue;
            }
            if (date == null) {
                continue;
            }
            String iso = date.toString();
            int end = m.end();
            if (m.group(timeGroup) != null) {
                LocalTime time = time(m.group(timeGroup), m.group(timeGroup + 1), m.group(timeGroup + 2),
                        m.group(timeGroup + 3));
                if (time == null) {
                    end = m.start(timeGroup);
                    while (end > m.start() && !Character.isLetterOrDigit(n.text.charAt(end - 1))) {
                        end--;
                    }
                } else {
                    iso = LocalDateTime.of(date, time).toString();
                }
            }
            found.add(new DateMention(n.origin(m.start()), n.originEnd(end), iso, false));
        }
    }

    private static LocalDate date(String year, Integer month, String day) {
        if (month == null) {
            return null;
        }
        int y = Integer.parseInt(year);
        if (y < 1900 || y > 2100) {
            return null;
        }
        return LocalDate.of(y, month, Integer.parseInt(day));
    }

    private static LocalDate dayMonthNumbers(String first, String second, String year) {
        int a = Integer.parseInt(first);
        int b = Integer.parseInt(second);
        if (b > 12 && a <= 12) {
            return date(year, a, second);
        }
        return date(year, b, first);
    }

    private static LocalTime time(String hour, String minute, String second, String meridiem) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        int s = second == null ? 0 : Integer.parseInt(second);
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p") || meridiem.startsWith("م") || meridiem.equals("ظهرا");
            if (h < 1 || h > 12) {
                return null;
            }
            if (pm && h < 12) {
                h += 12;
            } else if (!pm && h == 12) {
                h = 0;
            }
        }
        if (h > 23 || m > 59 || s > 59) {
            return null;
        }
        return LocalTime.of(h, m, s);
    }

    private static String isoValue(Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date.toString();
            }
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            LocalDateTime local = LocalDateTime.of(date, time);
            if (m.group(7) == null) {
                return local.toString();
            }
            String zone = m.group(7).toUpperCase();
            if (zone.length() == 5) {
                zone = zone.substring(0, 3) + ":" + zone.substring(3);
            }
            return OffsetDateTime.parse(local + zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The first word of each Hijri month's names, normalised ({@code رمضان}, {@code ربيع}, {@code ذي} …). */
    public static Set<String> hijriMonthFirstWords() {
        return HIJRI_MONTHS.keySet().stream().map(name -> name.split(" ")[0]).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Hijri days and months written without a year ({@code 17 رمضان}), each in the Hijri year that puts it nearest to
     * {@code anchor} (the article's date), converted to Gregorian; offsets into {@code text}.
     */
    public static List<DateMention> findHijriWithoutYear(String text, LocalDate anchor) {
        if (text == null || text.isEmpty() || anchor == null) {
            return List.of();
        }
        Normalized n = Normalized.of(text);
        Matcher m = HIJRI_DAY_MONTH.matcher(n.text);
        List<DateMention> found = new ArrayList<>();
        int year = hijriYear(anchor);
        while (m.find()) {
            int month = HIJRI_MONTHS.get(m.group(2));
            int day = Integer.parseInt(m.group(1));
            String best = null;
            long distance = Long.MAX_VALUE;
            for (int y = year - 1; y <= year + 1; y++) {
                String iso = hijriToIso(y, month, day);
                long d = iso == null ? Long.MAX_VALUE
                        : Math.abs(LocalDate.parse(iso).toEpochDay() - anchor.toEpochDay());
                if (d < distance) {
                    best = iso;
                    distance = d;
                }
            }
            if (best != null) {
                found.add(new DateMention(n.origin(m.start()), n.originEnd(m.end()), best, true));
            }
        }
        return found;
    }

    private static int hijriYear(LocalDate date) {
        IslamicCalendar calendar = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        GregorianCalendar gregorian = new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        gregorian.clear();
        gregorian.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        calendar.setTime(gregorian.getTime());
        return calendar.get(IslamicCalendar.YEAR);
    }

    private static String hijriToIso(int year, int month, int day) {
        if (day < 1 || day > 30) {
            return null;
        }
        IslamicCalendar calendar = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        calendar.clear();
        calendar.set(year, month - 1, day);
        GregorianCalendar gregorian = new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        gregorian.setTime(calendar.getTime());
        return LocalDate.of(gregorian.get(GregorianCalendar.YEAR), gregorian.get(GregorianCalendar.MONTH) + 1,
                gregorian.get(GregorianCalendar.DAY_OF_MONTH)).toString();
    }

    private static Map<String, Integer> hijriMonths() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] names = {
            {"محرم"}, {"صفر"}, {"ربيع الاول", "ربيع اول"}, {"ربيع الثاني", "ربيع الاخر", "ربيع ثاني"},
            {"جمادي الاولي", "جمادي الاول", "جمادي اولي"}, {"جمادي الاخره", "جمادي الاخرة", "جمادي الثانيه",
                "جمادي الثانية", "جمادي الاخر"}, {"رجب"}, {"شعبان"}, {"رمضان"}, {"شوال"},
            {"ذو القعده", "ذو القعدة", "ذي القعده", "ذي القعدة"}, {"ذو الحجه", "ذو الحجة", "ذي الحجه", "ذي الحجة"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(Normalized.of(name).text, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] names = {
            {"يناير", "كانون الثاني", "كانون ثاني", "january", "jan", "janvier", "janv"},
            {"فبراير", "شباط", "february", "feb", "fevrier", "fevr", "fev"},
            {"مارس", "اذار", "march", "mar", "mars"},
            {"ابريل", "نيسان", "april", "apr", "avril", "avr"},
            {"مايو", "ايار", "may", "mai"},
            {"يونيو", "يونيه", "حزيران", "june", "jun", "juin"},
            {"يوليو", "يوليه", "تموز", "july", "jul", "juillet", "juil"},
            {"اغسطس", "اب", "august", "aug", "aout"},
            {"سبتمبر", "ايلول", "september", "sept", "sep", "septembre"},
            {"اكتوبر", "تشرين الاول", "تشرين اول", "october", "oct", "octobre"},
            {"نوفمبر", "تشرين الثاني", "تشرين ثاني", "november", "nov", "novembre"},
            {"ديسمبر", "كانون الاول", "كانون اول", "december", "dec", "decembre"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(Normalized.of(name).text, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    /** Text folded for matching (Arabic letter variants, diacritics, digits, Latin accents, case). */
    private static final class Normalized {
        final String text;
        private final int[] origin;
        private final int length;

        private Normalized(String text, int[] origin, int length) {
            this.text = text;
            this.origin = origin;
            this.length = length;
        }

        static Normalized of(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int[] origin = new int[s.length() + 1];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640' || c == '\u200F'
                        || c == '\u200E') {
                    continue;
                }
                origin[out.length()] = i;
                out.append(fold(c));
            }
            origin[out.length()] = s.length();
            return new Normalized(out.toString(), origin, s.length());
        }

        int origin(int index) {
            return index >= text.length() ? length : origin[index];
        }

        int originEnd(int index) {
            return origin(index);
        }

        private static char fold(char c) {
            if (c >= '\u0660' && c <= '\u0669') {
                return (char) ('0' + (c - '\u0660'));
            }
            if (c >= '\u06F0' && c <= '\u06F9') {
                return (char) ('0' + (c - '\u06F0'));
            }
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> {
                    return 'ا';
                }
                case 'ى' -> {
                    return 'ي';
                }
                case '\u00A0', '\u202F' -> {
                    return ' ';
                }
                case 'é', 'è', 'ê', 'ë', 'É', 'È' -> {
                    return 'e';
                }
                case 'à', 'â', 'À' -> {
                    return 'a';
                }
                case 'û', 'ù', 'ü' -> {
                    return 'u';
                }
                case 'ô', 'ö' -> {
                    return 'o';
                }
                case 'î', 'ï' -> {
                    return 'i';
                }
                case 'ç' -> {
                    return 'c';
                }
                default -> {
                    return Character.toLowerCase(c);
                }
            }
        }
    }
}
