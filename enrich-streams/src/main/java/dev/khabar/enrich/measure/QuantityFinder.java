package dev.khabar.enrich.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.khabar.enrich.extract.NewsDateParser;
import dev.khabar.model.Quantity;

/**
 * Finds amounts with units in Arabic, English and French text: a number (Arabic-Indic digits, thousands separators,
 * decimal comma in French, or words: {@link NumberWords}), an optional range ({@code 250 و350}, {@code 250–300},
 * {@code 2 to 3}), a scale word ({@code مليون}, {@code billion}, {@code milliards}, {@code $1.2bn}) and a unit: a currency (symbol or name, as its ISO
 * 4217 code), a percentage, a measure, or else the counted noun that follows ({@code 2,400 troops},
 * {@code 350 مستشارا}). A bare number without a unit is left out, and so is a year. Knows nothing of Kafka; safe for
 * concurrent use.
 */
public final class QuantityFinder {

    private static final String NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";
    /** A number ends before anything but a digit or a non-Arabic letter: an Arabic unit may touch it ({@code ١٢عاما}). */
    private static final String NUMBER_END = "(?![\\d\\p{L}&&[^\\u0600-\\u06FF]])";
    private static final Map<String, String> CURRENCIES = new LinkedHashMap<>();
    private static final Map<String, String> MEASURES = new LinkedHashMap<>();

    static {
        currency("USD", "دولار امريكي", "دولار اميركي", "دولارا امريكيا", "دولارا اميركيا", "دولار", "دولارا",
                "دولارات", "الدولارات", "us dollars", "dollars americains", "dollars", "dollar", "de dollars", "usd");
        currency("EUR", "يورو", "euros", "euro", "d'euros", "de euros", "eur");
        currency("GBP", "جنيه استرليني", "جنيها استرلينيا", "استرليني", "استرلينيا", "pounds sterling", "pounds",
                "livres sterling", "de livres sterling", "gbp");
        currency("IQD", "دينار عراقي", "دينارا عراقيا", "iraqi dinars", "dinars irakiens", "de dinars irakiens", "iqd");
        currency("JOD", "دينار اردني", "دينارا اردنيا", "jordanian dinars");
        currency("KWD", "دينار كويتي", "دينارا كويتيا", "kuwaiti dinars");
        currency("SAR", "ريال سعودي", "ريالا سعوديا", "saudi riyals", "riyals saoudiens", "sar");
        currency("QAR", "ريال قطري", "ريالا قطريا", "qatari riyals");
        currency("IRR", "ريال ايراني", "ريالا ايرانيا", "iranian rials");
        currency("AED", "درهم اماراتي", "درهما اماراتيا", "emirati dirhams", "aed");
        currency("MAD", "درهم مغربي", "درهما مغربيا", "moroccan dirhams", "dirhams marocains");
        currency("EGP", "جنيه مصري", "جنيها مصريا", "egyptian pounds", "livres egyptiennes");
        currency("TRY", "ليره تركيه", "turkish lira", "livres turques");
        currency("SYP", "ليره سوريه", "syrian pounds", "livres syriennes");
        currency("LBP", "ليره لبنانيه", "lebanese pounds", "livres libanaises");
        currency("RUB", "روبل", "roubles", "rubles");
        currency("CNY", "يوان", "yuan");
        measure("km²", "كيلومتر مربع", "كيلومترا مربعا", "كيلومترات مربعه", "كم مربع", "square kilometres",
                "square kilometers", "kilometres carres", "km2", "km²");
        measure("km", "كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "kilometres", "kilometers", "kilometre",
                "kilometer", "km");
        measure("m", "متر", "مترا", "امتار", "metres", "meters", "metre", "meter");
        measure("mi", "ميل", "ميلا", "اميال", "miles", "mile");
        measure("t", "طن", "طنا", "اطنان", "tonnes", "tonne", "tons", "ton");
        measure("bbl", "برميل", "برميلا", "براميل", "barrels", "barrel", "barils", "baril", "de barils");
        measure("kg", "كيلوغرام", "كيلوغراما", "كيلوجرام", "كغ", "kilograms", "kilogrammes", "kg");
        measure("ha", "هكتار", "هكتارا", "hectares", "hectare");
        measure("MW", "ميغاواط", "ميجاوات", "megawatts", "megawatt", "mw");
        measure("°C", "درجه مئويه", "درجات مئويه", "°c", "degres celsius", "degrees celsius");
        measure("°F", "°f", "degres fahrenheit", "degrees fahrenheit");
        measure("year", "عام", "عاما", "اعوام", "سنه", "سنوات", "سنين", "years", "year", "ans", "an", "annees", "annee");
        measure("month", "شهر", "شهرا", "اشهر", "شهور", "months", "month", "mois");
        measure("week", "اسبوع", "اسبوعا", "اسابيع", "weeks", "week", "semaines", "semaine");
        measure("day", "يوم", "يوما", "ايام", "days", "day", "jours", "jour");
        measure("hour", "ساعه", "ساعات", "hours", "hour", "heures", "heure");
        measure("minute", "دقيقه", "دقائق", "minutes", "minute");
        measure("second", "ثانيه", "ثوان", "ثواني", "seconds", "secondes", "seconde");
    }

    private static final Map<String, BigDecimal> SCALES = Map.ofEntries(
            Map.entry("الف", BigDecimal.valueOf(1_000)), Map.entry("الاف", BigDecimal.valueOf(1_000)),
            Map.entry("الفا", BigDecimal.valueOf(1_000)), Map.entry("thousand", BigDecimal.valueOf(1_000)),
            Map.entry("mille", BigDecimal.valueOf(1_000)), Map.entry("k", BigDecimal.valueOf(1_000)),
            Map.entry("مليون", BigDecimal.valueOf(1_000_000)), Map.entry("ملايين", BigDecimal.valueOf(1_000_000)),
            Map.entry("مليونا", BigDecimal.valueOf(1_000_000)), Map.entry("million", BigDecimal.valueOf(1_000_000)),
            Map.entry("millions", BigDecimal.valueOf(1_000_000)), Map.entry("m", BigDecimal.valueOf(1_000_000)),
            Map.entry("mn", BigDecimal.valueOf(1_000_000)), Map.entry("mln", BigDecimal.valueOf(1_000_000)),
            Map.entry("مليار", BigDecimal.valueOf(1_000_000_000)), Map.entry("مليارات", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("مليارا", BigDecimal.valueOf(1_000_000_000)), Map.entry("بليون", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("billion", BigDecimal.valueOf(1_000_000_000)), Map.entry("billions", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("milliard", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("milliards", BigDecimal.valueOf(1_000_000_000)), Map.entry("bn", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("b", BigDecimal.valueOf(1_000_000_000)), Map.entry("md", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("mds", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("تريليون", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("trillion", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("trillions", BigDecimal.valueOf(1_000_000_000_000L)));
    private static final Set<String> SHORT_SCALES = Set.of("k", "m", "mn", "mln", "b", "bn", "md", "mds");
    /** In French, billion is 10^12. */
    private static final BigDecimal FRENCH_BILLION = BigDecimal.valueOf(1_000_000_000_000L);

    private static final Map<String, String> SYMBOLS = Map.of("us$", "USD", "$", "USD", "€", "EUR", "£", "GBP");
    private static final String PERCENT = "(%|في\\s+المائه|في\\s+المئه|بالمائه|بالمئه|percent|per\\s+cent|pour\\s+cent)";
    private static final String LONG_SCALE = CalendarWords.alternation(SCALES.keySet().stream()
            .filter(s -> !SHORT_SCALES.contains(s)).toList());
    private static final String SHORT_SCALE = "(?:" + String.join("|", SHORT_SCALES.stream().sorted((a, b) ->
            b.length() - a.length()).toList()) + ")";

    private static final Pattern EN_AR = pattern("(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)");
    private static final Pattern FR = pattern("(?:\\d{1,3}(?:[ .]\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)");
    /** The word after a number: after white space, or an Arabic word written against the digits ({@code ١٢عاما}). */
    private static final Pattern NEXT_WORD =
            Pattern.compile("\\G(?:\\s+|(?=[\\u0600-\\u06FF]))((?:\\p{L}\\.)+|[\\p{L}\\p{M}']+)");

    private static final Pattern CLOCK_BEFORE = Pattern.compile("(?<![\\p{L}'])(?:a|vers|des|jusqu'a)\\s+$");
    private static final Pattern CLOCK_AFTER =
            Pattern.compile("\\s+(?:du\\s+(?:matin|soir)|de\\s+l'apres[- ]midi|et\\s+(?:demie|quart)|moins)(?![\\p{L}])");
    private static final Pattern TEMPERATURE =
            Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,3}(?:\\.\\d)?)([cf])(?![\\p{L}\\d])");
    private static final Set<String> STOPWORDS = Set.of("في", "من", "الي", "الى", "علي", "على", "عن", "مع", "او", "ثم",
            "حتي", "التي", "الذي", "الذين", "قد", "لا", "ما", "ان", "انه", "بين", "عبر", "خلال", "منذ", "بعد", "قبل", "و",
            "هو", "هي", "كان", "كانت", "to", "of", "in", "on", "at", "and", "or", "the", "a", "an", "per", "from", "by",
            "for", "with", "as", "is", "was", "were", "are", "has", "have", "than", "after", "before", "de", "du", "des",
            "d", "à", "au", "aux", "en", "et", "ou", "le", "la", "les", "l", "sur", "par", "pour", "dans", "avec", "est",
            "sont", "que", "qui", "h", "gmt", "utc", "am", "pm", "ص", "م", "مساء", "صباحا", "ه", "هـ", "st", "nd", "rd",
            "th", "er", "e", "eme", "s", "اخرين", "اخري", "اخرون", "others", "autres", "o'clock",
            // how the counted fared, not what they are: أصيب عشرة بجروح ("ten were wounded")
            "بجروح", "بجراح", "باصابات",
            // a time of day: 0400 بتوقيت غرينتش
            "بتوقيت",
            // not what a number counts: منهم ("of them"), كل ("every"), ونصف ("and a half": مليون ونصف is not read)
            "منهم", "منها", "منهما", "منهن", "كل", "بكل", "لكل", "ونصف", "وربع",
            // ألف مبروك, ألف شكر: "a thousand" congratulations or thanks, an idiom
            "مبروك", "شكر", "تحيه", "سلامه", "رحمه",
            // verbs, pronouns and conjunctions after a number are not what it counts ("he was 84 had", "12 would")
            "had", "will", "would", "could", "should", "can", "may", "might", "must", "did", "do", "does", "be", "been",
            "being", "said", "says", "but", "while", "when", "which", "who", "that", "this", "these", "those", "it",
            "its", "he", "she", "they", "we", "you", "if", "not", "all", "into", "about", "since", "until", "during",
            "ont", "sera", "seront", "etait", "etaient", "il", "elle", "ils", "elles", "ne", "pas", "mais", "se", "ce",
            "cette", "ces", "dont", "selon", "contre", "entre", "depuis", "lors", "apres", "avant", "sous");
    /** Words of month names ({@code كانون} of {@code كانون الثاني}): a number before them is a date. */
    private static final Set<String> MONTH_WORDS = CalendarWords.MONTHS.keySet().stream()
            .flatMap(m -> java.util.Arrays.stream(m.split(" "))).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** First words of the Hijri months ({@code 17 رمضان} is a date without its year, not seventeen Ramadans). */
    private static final Set<String> HIJRI_MONTH_WORDS = NewsDateParser.hijriMonthFirstWords().stream()
            .map(FoldedText::fold).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> LATIN_SKIPPED = Set.of("additional", "more", "new", "other", "extra", "further",
            "u", "us", "american", "iraqi", "foreign", "autres", "nouveaux", "nouvelles", "main", "major", "key", "top",
            "first", "last", "previous", "successive", "consecutive", "straight", "separate", "different", "former",
            "senior", "young", "small", "large", "big", "leading", "premiers", "derniers", "principaux", "grands",
            // French adjectives written before the noun they qualify: deux gros chiens, trois jeunes femmes
            "premieres", "dernieres", "grandes", "gros", "grosses", "petits", "petites", "jeunes", "vieux", "vieilles",
            "beaux", "belles", "bons", "bonnes", "mauvais", "mauvaises", "anciens", "anciennes", "seuls", "seules",
            "longs", "longues", "hauts", "hautes", "nombreux", "nombreuses", "importants", "importantes");
    /** Currency names without a nationality, which amounts are not read with but which name no entity either. */
    private static final Set<String> BARE_CURRENCIES = Stream.of("ريال", "ريالا", "ريالات", "درهم", "درهما", "دراهم",
            "دينار", "دينارا", "دنانير", "جنيه", "جنيها", "جنيهات", "ليره", "ليرات", "روبيه", "فرنك", "riyal", "riyals",
            "dirham", "dirhams", "dinar", "dinars", "pound", "lira", "rupee", "rupees", "rouble", "ruble", "franc",
            "francs", "yen").map(FoldedText::fold).collect(Collectors.toUnmodifiableSet());
    /** A French function word elided before a vowel ({@code qu'il}, {@code d'entre}): never what a number counts. */
    private static final Pattern ELIDED = Pattern.compile("(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'.*");

    private QuantityFinder() {
    }

    private static void currency(String code, String... names) {
        for (String name : names) {
            CURRENCIES.put(FoldedText.fold(name), code);
        }
    }

    private static void measure(String symbol, String... names) {
        for (String name : names) {
            MEASURES.put(FoldedText.fold(name), symbol);
        }
    }

    private static String words(Map<String, String> names) {
        return CalendarWords.alternation(names.keySet().stream().map(n -> n.replace(" ", "\u0000")).toList())
                .replace("\u0000", "\\E\\s+\\Q");
    }

    private static Pattern pattern(String number) {
        String symbol = "(us\\$|\\$|€|£)\\s?";
        return Pattern.compile("(?<![\\d.,:/])(?:" + symbol + ")?(" + number + ")(?:(" + SHORT_SCALE + ")"
                + NOT_LETTER_AFTER + "|" + NUMBER_END + ")(?:\\s*(" + LONG_SCALE + "))?"
                + "(?:\\s*(?:-|–|—|و|الي|حتي|to|and|a|et)\\s*(?:(?:us\\$|\\$|€|£)\\s?)?(" + number + ")(?:("
                + SHORT_SCALE + ")" + NOT_LETTER_AFTER + "|" + NUMBER_END + ")(?:\\s*(" + LONG_SCALE + "))?)?"
                + "(?:\\s*(?:" + PERCENT + "|(" + words(CURRENCIES) + ")|(" + words(MEASURES) + ")|(?:(?:de|d'|of)\\s*)("
                + words(CURRENCIES) + ")))?");
    }

    /**
     * Whether {@code mention} is only the name of a currency or a unit ({@code دولار}, {@code بالدولار}, {@code
     * euros}, {@code ميغاواط}): the unit of an amount, not an entity, though ANERcorp tags currencies MISC.
     */
    public static boolean unitName(String mention) {
        String words = FoldedText.fold(mention.strip()).toLowerCase(Locale.ROOT);
        if (words.isEmpty()) {
            return false;
        }
        if (unit(words)) {
            return true;
        }
        if (words.startsWith("لل")) {
            words = "ا" + words.substring(1);
        } else if ("وبفلك".indexOf(words.charAt(0)) >= 0 && words.startsWith("ال", 1)) {
            words = words.substring(1);  // بالدولار, not فريال (a name)
        }
        return unit(words) || unit(Stream.of(words.split("\\s+"))
                .map(w -> w.startsWith("ال") && w.length() > 4 ? w.substring(2) : w).collect(Collectors.joining(" ")));
    }

    private static boolean unit(String word) {
        return CURRENCIES.containsKey(word) || MEASURES.containsKey(word) || BARE_CURRENCIES.contains(word);
    }

    /**
     * The amounts of {@code text}, in order.
     *
     * @param language BCP-47 code of the text: French reads {@code 3,5} as a decimal and {@code 2 400} as one number
     */
    public static List<Quantity> find(String text, String language) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean french = language != null && language.toLowerCase(Locale.ROOT).startsWith("fr");
        FoldedText plain = FoldedText.of(text);
        List<FoldedText.Replacement> spans = new ArrayList<>(NumberWords.find(plain, language));
        spans.addAll(temperatures(plain));
        spans.sort(Comparator.comparingInt(FoldedText.Replacement::start));
        FoldedText folded = plain.with(spans);
        Matcher m = (french ? FR : EN_AR).matcher(folded.text);
        List<Quantity> found = new ArrayList<>();
        while (m.find()) {
            if (!cliticOrNothingBefore(folded.text, m.start())) {
                continue;
            }
            Quantity q = read(m, folded, french);
            if (q != null) {
                found.add(q);
            }
        }
        return found;
    }

    /** Groups: 1 symbol, 2 number, 3 short scale, 4 scale, 5 upper, 6 its short scale, 7 its scale, 8 percent, 9 currency
     * name, 10 measure, 11 currency after de/of. */
    private static Quantity read(Matcher m, FoldedText folded, boolean french) {
        String symbol = m.group(1);
        String shortScale = m.group(3);
        String upperShortScale = m.group(6);
        if (symbol == null && (shortScale != null || upperShortScale != null)) {
            return null;  // 5m is five metres, 20k a distance or a file size: a short scale needs a currency symbol
        }
        BigDecimal value = number(m.group(2), french);
        BigDecimal scale = scale(shortScale != null ? shortScale : m.group(4), french);
        BigDecimal upper = m.group(5) == null ? null : number(m.group(5), french);
        BigDecimal upperScale = scale(upperShortScale != null ? upperShortScale : m.group(7), french);
        if (value == null || m.group(5) != null && upper == null) {
            return null;
        }
        if (scale == null && upperScale != null) {
            scale = upperScale;  // 2 و3 ملايين
        }
        value = scale == null ? value : value.multiply(scale);
        if (upper != null) {
            upper = upperScale == null ? upper : upper.multiply(upperScale);
            if (upper.compareTo(value) <= 0) {
                return null;
            }
        }
        int end = m.end();
        String kind;
        String unit;
        if (m.group(8) != null) {
            kind = "percent";
            unit = "%";
        } else if (symbol != null || m.group(9) != null || m.group(11) != null) {
            kind = "currency";
            String name = m.group(9) != null ? m.group(9) : m.group(11);
            unit = symbol != null ? SYMBOLS.get(symbol) : CURRENCIES.get(name.replaceAll("\\s+", " "));
        } else if (m.group(10) != null) {
            kind = "measure";
            unit = MEASURES.get(m.group(10).replaceAll("\\s+", " "));
            if (french && unit.equals("hour") && clockTime(folded.text, m.start(), m.end())) {
                return null;  // à sept heures et demie: a time of day, not seven hours
            }
        } else {
            String number = m.group(5) != null ? m.group(5) : m.group(2);
            if (scale == null && number.length() == 4 && (number.startsWith("19") || number.startsWith("20"))) {
                return null;  // a year
            }
            Matcher next = NEXT_WORD.matcher(folded.text).region(m.end(), folded.text.length());
            next.useTransparentBounds(true);
            String noun = null;
            for (int skipped = 0; skipped <= 2 && next.find(); skipped++) {
                String word = next.group(1);
                String written = folded.original(next.start(1), next.end(1));
                boolean latin = word.charAt(0) < 0x0600;
                if (skipped == 0 && scale != null && (word.equals("de") || word.equals("d'") || word.equals("of"))) {
                    continue;
                }
                if (latin && skipped < 2 && (LATIN_SKIPPED.contains(word.replace(".", ""))
                        || Character.isUpperCase(written.codePointAt(0)))) {
                    continue;
                }
                if (latin && ELIDED.matcher(word).matches()) {
                    break;
                }
                boolean attached = next.start(1) == next.start();
                if (word.length() >= 2 && !STOPWORDS.contains(word) && !MONTH_WORDS.contains(word)
                        && !HIJRI_MONTH_WORDS.contains(word) && !(attached && word.startsWith("و"))
                        && !(!latin && word.length() >= 5 && (word.endsWith("هم") || word.endsWith("هما")))
                        && !CalendarWords.WEEKDAYS.containsKey(word) && !word.contains(".")
                        && Character.isLetter(word.charAt(0))) {
                    noun = latin ? written.toLowerCase(Locale.ROOT) : withoutAccusative(withoutTashkeel(written));
                    end = next.end(1);
                    if (latin && !french) {
                        int head = pluralHead(next, noun, folded);
                        noun = head < 0 ? (singularGerund(noun) ? null : noun) : folded.original(next.start(1), head)
                                .toLowerCase(Locale.ROOT);
                        end = head < 0 ? end : head;
                    }
                }
                break;
            }
            if (noun == null) {
                return null;
            }
            kind = "count";
            unit = noun;
        }
        if (unit == null) {
            return null;
        }
        String written = folded.original(m.start(), end);
        return new Quantity(written, folded.codePoint(m.start()), folded.codePoint(end), plain(value),
                upper == null ? null : plain(upper), kind, unit);
    }

    /**
     * The end of the plural noun that heads an English count when the word after the number is not it ({@code two rap
     * albums}, {@code five unreleased tracks}): one of the next two lower-case words ending in s; -1 if none.
     * {@code next} stands on the first word and moves on.
     */
    private static int pluralHead(Matcher next, String first, FoldedText folded) {
        if (first.endsWith("s")) {
            return -1;
        }
        for (int k = 0; k < 2 && next.find() && next.start() < next.start(1); k++) {
            String word = next.group(1);
            String written = folded.original(next.start(1), next.end(1));
            if (STOPWORDS.contains(word) || !Character.isLowerCase(written.codePointAt(0)) || word.length() < 3) {
                return -1;
            }
            if (word.endsWith("s") && !word.endsWith("ss")) {
                return next.end(1);
            }
        }
        return -1;
    }

    /** {@code doing} of {@code I was sixteen doing}: a verb, not a counted noun ({@code buildings} is one). */
    private static boolean singularGerund(String noun) {
        return noun.endsWith("ing") && noun.length() > 4;
    }

    /**
     * Whether French hours at {@code [start, end)} of the folded text tell the time: {@code à}, {@code vers},
     * {@code dès} before them, or {@code du matin}, {@code du soir}, {@code de l'après-midi}, {@code et demie},
     * {@code et quart}, {@code moins} after them.
     */
    private static boolean clockTime(String text, int start, int end) {
        return CLOCK_BEFORE.matcher(text).region(0, start).find() || CLOCK_AFTER.matcher(text).region(end, text.length())
                .lookingAt();
    }

    /** Temperatures with a capital letter against the number ({@code 45C}, {@code 104F}), read as {@code 45°c}. */
    private static List<FoldedText.Replacement> temperatures(FoldedText plain) {
        List<FoldedText.Replacement> found = new ArrayList<>();
        Matcher m = TEMPERATURE.matcher(plain.text);
        while (m.find()) {
            char scale = plain.original(m.start(2), m.end(2)).charAt(0);
            if (scale == 'C' || scale == 'F') {
                found.add(new FoldedText.Replacement(m.start(1), m.end(2), m.group(1) + "°" + m.group(2)));
            }
        }
        return found;
    }

    /** A number starts a word, or follows one clitic letter (و350, ب600). */
    private static boolean cliticOrNothingBefore(String text, int start) {
        if (start == 0 || !Character.isLetter(text.charAt(start - 1))) {
            return true;
        }
        char c = text.charAt(start - 1);
        return (c == 'و' || c == 'ب' || c == 'ل') && (start == 1 || !Character.isLetter(text.charAt(start - 2)));
    }

    private static BigDecimal number(String written, boolean french) {
        String s;
        if (french) {
            s = written.replace(" ", "").replace(".", "").replace(',', '.');
        } else if (written.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            s = written.replace(",", "");
        } else {
            s = written.replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal scale(String word, boolean french) {
        if (word == null) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (french && w.startsWith("billion")) {
            return FRENCH_BILLION;
        }
        return SCALES.get(w);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String withoutTashkeel(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code مستشارا} to {@code مستشار}: the accusative alif of a counted noun; {@code ضحايا} keeps its alif. */
    static String withoutAccusative(String word) {
        if (word.length() >= 4 && word.endsWith("ا") && !word.endsWith("ايا") && !word.endsWith("اا")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
