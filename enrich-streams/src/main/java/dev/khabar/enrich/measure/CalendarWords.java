package dev.khabar.enrich.measure;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;

/**
 * Month and weekday names, folded, from CLDR (ICU4J): Arabic in its three month systems (Syriac {@code كانون الثاني} in
 * ar-IQ/SY/LB, Egyptian {@code يناير} in ar-EG/SA, French-derived {@code جانفي} in ar-DZ/TN, and Moroccan {@code شتنبر}),
 * English and French, wide and abbreviated.
 */
final class CalendarWords {

    private static final List<String> LOCALES = List.of("ar-IQ", "ar-EG", "ar-DZ", "ar-MA", "en", "fr");

    /** Folded month name to month number (1-12). */
    static final Map<String, Integer> MONTHS;
    /** Folded weekday name (also without the Arabic article) to ISO day of week (1 = Monday). */
    static final Map<String, Integer> WEEKDAYS;
    static final String MONTH;
    static final String WEEKDAY;

    static {
        Map<String, Integer> months = new HashMap<>();
        Map<String, Integer> weekdays = new HashMap<>();
        for (String locale : LOCALES) {
            DateFormatSymbols symbols = new DateFormatSymbols(new ULocale(locale));
            for (int width : new int[] {DateFormatSymbols.WIDE, DateFormatSymbols.ABBREVIATED}) {
                String[] names = symbols.getMonths(DateFormatSymbols.FORMAT, width);
                for (int m = 0; m < 12; m++) {
                    String name = FoldedText.fold(names[m]).replace(".", "");
                    if (name.length() >= 3 || name.charAt(0) >= 0x0600) {
                        months.put(name, m + 1);
                    }
                }
            }
            String[] days = symbols.getWeekdays(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);
            for (int d = 1; d <= 7; d++) {
                String name = FoldedText.fold(days[d]);
                int iso = d == 1 ? 7 : d - 1;
                weekdays.put(name, iso);
            }
        }
        for (String[] extra : new String[][] {{"كانون ثاني", "1"}, {"تشرين اول", "10"}, {"تشرين ثاني", "11"},
            {"كانون اول", "12"}, {"يونيه", "6"}, {"يوليه", "7"}, {"ابريل", "4"}, {"sept", "9"}, {"fevr", "2"},
            {"janv", "1"}, {"juil", "7"}, {"aout", "8"}}) {
            months.put(FoldedText.fold(extra[0]), Integer.parseInt(extra[1]));
        }
        weekdays.put("الاتنين", 1);
        MONTHS = Map.copyOf(months);
        WEEKDAYS = Map.copyOf(weekdays);
        MONTH = alternation(MONTHS.keySet().stream().toList());
        WEEKDAY = alternation(WEEKDAYS.keySet().stream().toList());
    }

    private CalendarWords() {
    }

    /** A non-capturing alternation of {@code words}, longest first, each whole (no letter either side). */
    static String alternation(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\p{L}\\p{M}])(?:", ")(?![\\p{L}\\p{M}])"));
    }
}
