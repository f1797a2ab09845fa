package dev.khabar.enrich.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Builds the generated part of the extraction eval set: real article text from the development corpora
 * (saudinewsnet, BBC) wrapped in page chrome, once as plain text and once as HTML, each with its gold JSON.
 * The {@code dev} split uses one set of chrome phrasings and the {@code check} split another, partly unseen,
 * set; the check split was not looked at while writing the extractor's rules.
 *
 * <pre>
 * java -cp enrich-streams/target/enrich-streams.jar \
 *   enrich-streams/src/test/java/dev/khabar/enrich/extract/EvalSetGenerator.java \
 *   /work/shared/data enrich-streams/src/test/resources/extract
 * </pre>
 */
public final class EvalSetGenerator {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> SOURCES = Set.of("aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh",
            "alwatan", "alweeam", "alyaum", "okaz");
    private static final Map<String, String> SITE_NAMES = Map.of("aawsat", "الشرق الأوسط", "aleqtisadiya",
            "الاقتصادية", "aljazirah", "الجزيرة", "almadina", "المدينة", "alriyadh", "الرياض", "alwatan", "الوطن",
            "alweeam", "الوئام", "alyaum", "اليوم", "okaz", "عكاظ");
    /** BBC rows chosen by hand, with the number of leading words that form the headline (read by eye). */
    private static final int[][] BBC_DEV = {{0, 5}, {3, 6}, {4, 5}, {5, 5}, {8, 5}, {11, 5}, {15, 7}, {18, 4},
        {22, 5}, {25, 5}};
    private static final int[][] BBC_CHECK = {{30, 5}, {37, 4}, {39, 6}, {41, 5}, {43, 5}, {49, 6}, {57, 5},
        {36, 5}};
    private static final int ARABIC_DEV = 16;
    private static final int ARABIC_CHECK = 8;

    record Article(String id, String lang, String title, List<String> paragraphs, String byline, String site,
                   String section, String url, LocalDateTime date, JsonNode record) {
    }

    private EvalSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        Path out = Path.of(args.length > 1 ? args[1] : "enrich-streams/src/test/resources/extract");
        List<Article> arabic = arabic(data.resolve("news-ar-saudinewsnet-dev.jsonl.gz"));
        List<List<String>> bbc = bbcRows(data.resolve("news-en-bbc-dev.csv"));
        List<Article> dev = new ArrayList<>(arabic.subList(0, ARABIC_DEV));
        List<Article> check = new ArrayList<>(arabic.subList(ARABIC_DEV, ARABIC_DEV + ARABIC_CHECK));
        for (int[] pick : BBC_DEV) {
            dev.add(bbc(bbc, pick[0], pick[1]));
        }
        for (int[] pick : BBC_CHECK) {
            check.add(bbc(bbc, pick[0], pick[1]));
        }
        write(dev, out.resolve("dev"), new Chrome(false, new Random(41)), arabic, bbc);
        write(check, out.resolve("check"), new Chrome(true, new Random(977)), arabic, bbc);
    }

    private static void write(List<Article> articles, Path dir, Chrome chrome, List<Article> arabic,
                              List<List<String>> bbc) throws IOException {
        Files.createDirectories(dir);
        List<String> otherTitles = new ArrayList<>();
        for (Article a : arabic.subList(arabic.size() - 20, arabic.size())) {
            otherTitles.add(a.title());
        }
        List<String> otherEnglish = List.of("ministers defend school funding plans", "united held to draw at home",
                "police chief warns over budget cuts", "record crowd expected for final", "mps vote on new licence fee");
        for (Article a : articles) {
            List<String> others = a.lang().equals("ar") ? otherTitles : otherEnglish;
            Page text = chrome.text(a, others);
            Page html = chrome.html(a, others);
            save(dir, a.id() + "-text", ".txt", text);
            save(dir, a.id() + "-page", ".html", html);
            if (a.record() != null) {
                save(dir, a.id() + "-record", ".json", record(a));
            }
        }
    }

    /** The corpus record itself as a JSON article: fields mapped as they are, the rest kept under extra. */
    private static Page record(Article a) throws IOException {
        Map<String, Object> gold = new LinkedHashMap<>();
        JsonNode r = a.record();
        gold.put("title", a.title());
        String author = r.path("author").asText().strip();
        gold.put("byline", author.isEmpty() ? null : author);
        gold.put("published_at", null);
        gold.put("url", r.path("url").asText());
        gold.put("site", r.path("source").asText());
        gold.put("section", null);
        gold.put("body", String.join("\n\n", a.paragraphs()));
        return new Page(MAPPER.writeValueAsString(r) + "\n", gold);
    }

    private static void save(Path dir, String name, String ext, Page page) throws IOException {
        Files.writeString(dir.resolve(name + ext), page.content, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".gold.json"), MAPPER.writeValueAsString(page.gold) + "\n",
                StandardCharsets.UTF_8);
    }

    private static List<Article> arabic(Path file) throws IOException {
        List<Article> all = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode r = MAPPER.readTree(line);
                String source = r.path("source").asText();
                if (!SOURCES.contains(source)) {
                    continue;
                }
                List<String> paragraphs = new ArrayList<>();
                boolean clean = true;
                for (String p : r.path("content").asText().split("\n")) {
                    String t = p.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    clean &= t.split(" ").length >= 6;
                    paragraphs.add(t);
                }
                String title = r.path("title").asText().strip();
                int length = String.join(" ", paragraphs).length();
                if (!clean || paragraphs.size() < 2 || paragraphs.size() > 14 || length < 500 || length > 4000
                        || title.split(" ").length < 4) {
                    continue;
                }
                String id = "ar-" + source + "-" + Integer.toHexString(r.path("url").asText().hashCode() & 0xfffff);
                LocalDateTime date = LocalDateTime.parse(r.path("date_extracted").asText().replace(' ', 'T'))
                        .withSecond(0).minusHours(6);
                all.add(new Article(id, "ar", title, paragraphs, person(r.path("author").asText()),
                        SITE_NAMES.get(source), null, r.path("url").asText(), date, r));
            }
        }
        Collections.shuffle(all, new Random(7));
        return all;
    }

    /** The first 2-4 word part of a saudinewsnet author field without brackets or digits, else none. */
    private static String person(String author) {
        for (String part : author.replace("&nbsp;", " ").split("[:\\-ـ،]")) {
            String p = part.strip();
            int words = p.isEmpty() ? 0 : p.split("\\s+").length;
            if (words >= 2 && words <= 4 && !p.matches(".*[()«»\"'\\d\\p{IsLatin}].*")) {
                return p;
            }
        }
        return null;
    }

    private static List<List<String>> bbcRows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            String text = line.substring(comma + 1);
            if (text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            rows.add(List.of(line.substring(0, comma), text));
        }
        return rows;
    }

    private static Article bbc(List<List<String>> rows, int row, int titleWords) {
        String category = rows.get(row).get(0);
        String[] words = rows.get(row).get(1).strip().split("\\s+");
        String title = String.join(" ", List.of(words).subList(0, titleWords));
        String rest = String.join(" ", List.of(words).subList(titleWords, words.length));
        List<String> sentences = new ArrayList<>(List.of(rest.split("(?<=[.?!])\\s+")));
        List<String> paragraphs = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        int n = 0;
        for (String s : sentences) {
            p.append(p.isEmpty() ? "" : " ").append(s);
            if (++n % 2 == 0) {
                paragraphs.add(p.toString());
                p.setLength(0);
            }
        }
        if (!p.isEmpty()) {
            if (p.toString().split(" ").length < 6 && !paragraphs.isEmpty()) {
                paragraphs.set(paragraphs.size() - 1, paragraphs.get(paragraphs.size() - 1) + " " + p);
            } else {
                paragraphs.add(p.toString());
            }
        }
        boolean sport = category.equals("Sports");
        LocalDateTime date = LocalDateTime.of(2005, 1 + row % 12, 1 + (row * 7) % 28, 8 + row % 12, (row * 13) % 60);
        return new Article("en-bbc-" + row, "en", title, paragraphs, null, sport ? "BBC Sport" : "BBC News",
                sport ? "Sport" : "Politics", "http://news.bbc.co.uk/1/hi/" + (sport ? "sport" : "uk_politics")
                + "/" + (4100000 + row * 37) + ".stm", date, null);
    }

    /** A generated page and its gold values. */
    static final class Page {
        final String content;
        final Map<String, Object> gold;

        Page(String content, Map<String, Object> gold) {
            this.content = content;
            this.gold = gold;
        }
    }

    /** Page chrome drawn at random from per-language pools; the check split draws from other phrasings. */
    static final class Chrome {
        private final boolean check;
        private final Random rnd;

        Chrome(boolean check, Random rnd) {
            this.check = check;
            this.rnd = rnd;
        }

        private boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        private String pick(List<String> dev, List<String> held) {
            List<String> pool = check ? held : dev;
            return pool.get(rnd.nextInt(pool.size()));
        }

        private boolean french() {
            return chance(0.2);
        }

        private List<String> nav(String lang) {
            return lang.equals("ar")
                    ? List.of("الرئيسية", "محليات", "اقتصاد", "رياضة", "دولي", "ثقافة", "منوعات", "كتاب الرأي")
                    : List.of("Home", "News", "Sport", "Business", "Politics", "Health", "Entertainment");
        }

        private String section(Article a) {
            if (a.section() != null) {
                return a.section();
            }
            List<String> pool = check ? List.of("أخبار", "المملكة", "العالم") : List.of("محليات", "اقتصاد", "دوليات",
                    "سياسة");
            return pool.get(Math.floorMod(a.id().hashCode(), pool.size()));
        }

        private String caption(Article a) {
            if (a.lang().equals("ar")) {
                return pick(List.of("جانب من الاجتماع الذي عقد أمس في مقر الوزارة. (واس)",
                                "صورة أرشيفية من الموقع الذي شهد الحادثة.",
                                "المسؤولون خلال جولتهم الميدانية صباح اليوم. [تصوير: المحرر]"),
                        List.of("لقطة عامة للموقع خلال الفعالية التي أقيمت مساء السبت. (رويترز)",
                                "جانب من الحضور في الحفل الختامي. [أرشيف]"));
            }
            return pick(List.of("The meeting took place behind closed doors on Monday. (Getty Images)",
                            "Supporters gathered outside the ground before kick-off. [PA]"),
                    List.of("The minister speaking to reporters in Westminster last week. (Reuters)",
                            "File picture of the stadium taken earlier this season."));
        }

        private String dateText(Article a, Map<String, Object> gold, boolean allowLabel) {
            LocalDateTime d = a.date();
            String iso = d.toLocalDate().toString();
            String isoTime = d.toString();
            String[] arMonths = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                "أكتوبر", "نوفمبر", "ديسمبر"};
            String[] levant = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                "تشرين الأول", "تشرين الثاني", "كانون الأول"};
            String[] enMonths = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"};
            String[] frMonths = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                "octobre", "novembre", "décembre"};
            String[] arDays = {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"};
            String[] enDays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
            int m = d.getMonthValue() - 1;
            int day = d.getDayOfMonth();
            int dow = d.getDayOfWeek().getValue() - 1;
            String hm = String.format(Locale.ROOT, "%02d:%02d", d.getHour(), d.getMinute());
            int variant = rnd.nextInt(check ? 4 : 5);
            if (french()) {
                gold.put("published_at", isoTime);
                return (check ? "Mis en ligne le " : "Publié le ") + day + " " + frMonths[m] + " " + d.getYear()
                        + " à " + d.getHour() + "h" + String.format(Locale.ROOT, "%02d", d.getMinute());
            }
            if (a.lang().equals("ar")) {
                String text = switch (check ? variant + 10 : variant) {
                    case 0 -> arDays[dow] + " " + day + " " + arMonths[m] + " " + d.getYear();
                    case 1 -> "تاريخ النشر: " + indic(day + " ") + levant[m] + "/" + arMonths[m] + " "
                            + indic(String.valueOf(d.getYear()));
                    case 2 -> String.format(Locale.ROOT, "%02d/%02d/%d - %s", day, m + 1, d.getYear(), hm);
                    case 3 -> "نشر في " + iso;
                    case 4 -> "اليوم " + arDays[dow] + " " + day + " " + arMonths[m] + " " + d.getYear() + " "
                            + twelveHour(d, "صباحاً", "مساءً");
                    case 10 -> "نشر بتاريخ: " + arDays[dow] + "، " + day + " " + levant[m] + " " + d.getYear();
                    case 11 -> indic(day + "-" + (m + 1) + "-" + d.getYear());
                    case 12 -> "آخر تحديث: " + day + " " + arMonths[m] + " " + d.getYear() + " - " + hm;
                    default -> arMonths[m] + " " + day + "، " + d.getYear();
                };
                gold.put("published_at", text.contains(":") && (variant == 2 || variant == 4 || variant == 2 + 10)
                        ? isoTime : iso);
                return allowLabel || !text.contains(":") ? text : iso;
            }
            String text = switch (check ? variant + 10 : variant) {
                case 0 -> "Published: " + day + " " + enMonths[m] + " " + d.getYear();
                case 1 -> enDays[dow] + ", " + day + " " + enMonths[m] + " " + d.getYear() + " " + hm + " GMT";
                case 2 -> enMonths[m] + " " + day + ", " + d.getYear();
                case 3 -> day + ordinal(day) + ", " + enMonths[m] + " " + d.getYear();
                case 4 -> "Last updated " + day + " " + enMonths[m].substring(0, 3) + " " + d.getYear();
                case 10 -> "Posted on " + enMonths[m] + " " + day + ordinal(day) + " " + d.getYear();
                case 11 -> "Page last updated at " + hm + " GMT, " + enDays[dow] + ", " + day + " "
                        + enMonths[m] + " " + d.getYear();
                case 12 -> d.getYear() + "-" + String.format(Locale.ROOT, "%02d-%02d", m + 1, day);
                default -> day + " " + enMonths[m] + " " + d.getYear();
            };
            gold.put("published_at", variant == 1 || (check && variant == 1) ? isoTime : iso);
            return text;
        }

        private static String twelveHour(LocalDateTime d, String am, String pm) {
            int h = d.getHour() % 12 == 0 ? 12 : d.getHour() % 12;
            return String.format(Locale.ROOT, "%02d:%02d %s", h, d.getMinute(), d.getHour() < 12 ? am : pm);
        }

        private static String ordinal(int day) {
            if (day >= 11 && day <= 13) {
                return "th";
            }
            return switch (day % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }

        private static String indic(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                b.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
            }
            return b.toString();
        }

        private String bylineText(Article a, String name) {
            if (french()) {
                return "Par " + name;
            }
            if (a.lang().equals("ar")) {
                return pick(List.of("بقلم: " + name, name + " |", "كتب: " + name),
                        List.of("إعداد: " + name, "بقلم " + name, name + " |"));
            }
            return pick(List.of("By " + name, "By " + name + ", BBC News"), List.of("Written by " + name,
                    "By " + name));
        }

        private String englishName() {
            return pick(List.of("James Wilson", "Sarah Clarke", "Tom Fordyce"), List.of("Nick Robinson",
                    "Emma Griffiths"));
        }

        private String shareBar(String lang) {
            if (french()) {
                return pick(List.of("Partager : Facebook Twitter E-mail Imprimer"),
                        List.of("Partager sur Facebook | Twitter | Envoyer par courriel"));
            }
            if (lang.equals("ar")) {
                return pick(List.of("شارك فيسبوك تويتر واتساب", "0 تعليق ارسل طباعة تبليغ", "طباعة | ارسال | تعليقات"),
                        List.of("مشاركة: فيسبوك | تويتر | تلغرام | نسخ الرابط", "شارك عبر واتساب تويتر"));
            }
            return pick(List.of("Share this: Facebook Twitter Email", "Share | Tweet | Print"),
                    List.of("Share on Facebook | Share on Twitter | Copy link", "Email Print Share"));
        }

        private List<String> prompts(String lang) {
            if (french()) {
                return List.of(pick(List.of("Laisser un commentaire", "Abonnez-vous à notre newsletter"),
                        List.of("Vous avez aimé cet article ? Partagez-le", "Inscrivez-vous à la newsletter")));
            }
            if (lang.equals("ar")) {
                return List.of(pick(List.of("هل أعجبك هذا المقال؟", "أضف تعليقك", "تابعونا على تويتر"),
                        List.of("اترك تعليقاً", "اشترك في النشرة البريدية", "حمل تطبيق الصحيفة")));
            }
            return List.of(pick(List.of("Leave a comment", "Sign up for our newsletter", "Did you like this article?"),
                    List.of("Comments (12)", "Follow us on Twitter", "Click here to subscribe")));
        }

        private String disclaimer(String lang, String site) {
            if (french()) {
                return "© 2015 " + site + ". Tous droits réservés.";
            }
            if (lang.equals("ar")) {
                return pick(List.of("المقالات المنشورة تعبر عن آراء كتابها ولا تعبر بالضرورة عن رأي الصحيفة.",
                                "جميع الحقوق محفوظة © 2015 " + site),
                        List.of("الآراء الواردة في المقالات لا تعبر بالضرورة عن وجهة نظر الموقع.",
                                "© " + site + " 2015"));
            }
            return pick(List.of("The BBC is not responsible for the content of external internet sites.",
                            "© BBC 2015. All rights reserved."),
                    List.of("Views expressed are those of the author and do not necessarily reflect ours.",
                            "Copyright 2015 BBC."));
        }

        private String relatedMarker(String lang) {
            if (french()) {
                return pick(List.of("Lire aussi"), List.of("À lire aussi :", "Sur le même sujet"));
            }
            if (lang.equals("ar")) {
                return pick(List.of("اقرأ أيضاً:", "أخبار ذات صلة", "إقرأ أيضا"),
                        List.of("مواضيع ذات صلة", "شاهد أيضاً", "اقرأ كذلك:"));
            }
            return pick(List.of("Related stories", "Read also:", "Related"),
                    List.of("More on this story", "You may also like", "Read more:"));
        }

        private String tags(String lang) {
            if (lang.equals("ar")) {
                return pick(List.of("الوسوم: السعودية، الرياض، أخبار", "كلمات دلالية: المملكة"),
                        List.of("وسوم: اقتصاد، محليات"));
            }
            return pick(List.of("Tags: uk, news"), List.of("Topics: politics, sport"));
        }

        Page text(Article a, List<String> others) {
            Map<String, Object> gold = emptyGold();
            List<String> lines = new ArrayList<>();
            String lang = a.lang();
            if (chance(0.4)) {
                lines.add(a.site());
            }
            if (chance(0.5)) {
                List<String> items = new ArrayList<>(nav(lang));
                Collections.shuffle(items, rnd);
                lines.add(String.join(check ? " • " : " | ", items.subList(0, 4 + rnd.nextInt(3))));
            }
            if (chance(0.2)) {
                lines.add(lang.equals("ar") ? "تخطى إلى المحتوى" : "Skip to content");
            }
            if (chance(0.5)) {
                String section = section(a);
                lines.add(section);
                gold.put("section", section);
            }
            if (chance(0.4)) {
                lines.add(a.title() + (check ? " | " : " - ") + a.site());
                gold.put("site", a.site());
            } else {
                lines.add(a.title());
            }
            gold.put("title", a.title());
            boolean shareTop = chance(0.4);
            if (shareTop) {
                lines.add(shareBar(lang));
            }
            if (chance(0.75)) {
                lines.add(dateText(a, gold, true));
            }
            String byline = a.byline() != null ? a.byline() : (lang.equals("en") && chance(0.5) ? englishName() : null);
            boolean bylineTop = byline != null && chance(0.7);
            if (bylineTop) {
                lines.add(bylineText(a, byline));
                gold.put("byline", byline);
            }
            List<String> body = new ArrayList<>();
            for (int i = 0; i < a.paragraphs().size(); i++) {
                lines.add(a.paragraphs().get(i));
                body.add(a.paragraphs().get(i));
                if (i == 0 && chance(0.5)) {
                    String caption = caption(a);
                    lines.add(caption);
                    if (chance(0.7)) {
                        lines.add(caption);
                    }
                    body.add(caption);
                }
                if (i == 1 && a.paragraphs().size() > 3 && chance(0.3)) {
                    lines.add(relatedMarker(lang).replaceAll("[:：\\s]+$", "") + ": " + others.get(rnd.nextInt(
                            others.size())));
                }
            }
            if (!shareTop && chance(0.5)) {
                lines.add(shareBar(lang));
            }
            if (byline != null && !bylineTop) {
                lines.add(bylineText(a, byline));
                gold.put("byline", byline);
            }
            if (chance(0.4)) {
                lines.add((french() ? "Source : " : lang.equals("ar") ? "المصدر: " : "Source: ") + a.site());
                gold.put("site", a.site());
            }
            if (chance(0.4)) {
                lines.add(tags(lang));
            }
            lines.addAll(prompts(lang));
            if (chance(0.4)) {
                lines.add(disclaimer(lang, a.site()));
            }
            if (chance(0.35)) {
                lines.add((lang.equals("ar") ? "الرابط المختصر: " : "Short link: ") + a.url());
                gold.put("url", a.url());
            }
            if (chance(0.6)) {
                lines.add(relatedMarker(lang));
                List<String> pool = new ArrayList<>(others);
                Collections.shuffle(pool, rnd);
                lines.addAll(pool.subList(0, 2 + rnd.nextInt(2)));
                if (chance(0.5)) {
                    lines.add(pool.get(3));
                    lines.add(lang.equals("ar")
                            ? "وأوضح المتحدث أن الجهات المختصة تتابع الموضوع عن كثب، وستعلن النتائج في وقت لاحق."
                            : "officials said the matter was being looked at closely and results would follow.");
                }
            }
            if (chance(0.3)) {
                lines.add(disclaimer(lang, a.site()));
            }
            if (chance(0.3)) {
                lines.add(lang.equals("ar") ? pick(List.of("الأكثر قراءة"), List.of("الأكثر مشاهدة"))
                        : pick(List.of("Most read"), List.of("Top stories")));
            }
            finishGold(gold, body);
            String sep = chance(0.5) ? "\n\n" : "\n";
            return new Page(String.join(sep, lines) + "\n", gold);
        }

        Page html(Article a, List<String> others) {
            Map<String, Object> gold = emptyGold();
            String lang = a.lang();
            StringBuilder h = new StringBuilder();
            h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append('"')
                    .append(lang.equals("ar") ? " dir=\"rtl\"" : "").append(">\n<head>\n<meta charset=\"utf-8\">\n");
            boolean titleSuffix = chance(0.7);
            h.append("<title>").append(esc(a.title())).append(titleSuffix ? " | " + esc(a.site()) : "")
                    .append("</title>\n");
            gold.put("title", a.title());
            if (titleSuffix) {
                gold.put("site", a.site());
            }
            String iso = a.date().toLocalDate().toString();
            String stamp = a.date() + ":00+03:00";
            boolean jsonLd = chance(0.5);
            boolean og = chance(0.6);
            String byline = a.byline() != null ? a.byline() : (lang.equals("en") && chance(0.5) ? englishName() : null);
            if (jsonLd) {
                Map<String, Object> ld = new LinkedHashMap<>();
                ld.put("@context", "https://schema.org");
                ld.put("@type", chance(0.7) ? "NewsArticle" : "Article");
                ld.put("headline", a.title());
                ld.put("datePublished", stamp);
                if (byline != null) {
                    ld.put("author", chance(0.5) ? ordered("@type", "Person", "name", byline)
                            : List.of(ordered("@type", "Person", "name", byline)));
                    gold.put("byline", byline);
                }
                ld.put("publisher", ordered("@type", "Organization", "name", a.site()));
                ld.put("mainEntityOfPage", ordered("@type", "WebPage", "@id", a.url()));
                String section = section(a);
                ld.put("articleSection", section);
                gold.put("section", section);
                gold.put("site", a.site());
                gold.put("url", a.url());
                gold.put("published_at", stamp);
                Object wrapped = chance(0.3) ? ordered("@context", "https://schema.org", "@graph", List.of(
                        ordered("@type", "WebSite", "name", a.site(), "url", "https://example.org/"), ld)) : ld;
                try {
                    h.append("<script type=\"application/ld+json\">").append(MAPPER.writeValueAsString(wrapped))
                            .append("</script>\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (og) {
                h.append(meta("og:title", a.title() + (chance(0.5) ? " - " + a.site() : "")));
                h.append(meta("og:site_name", a.site()));
                h.append(meta("og:url", a.url()));
                h.append(meta("og:type", "article"));
                gold.putIfAbsent("published_at", null);
                if (gold.get("published_at") == null) {
                    h.append(meta("article:published_time", stamp));
                    gold.put("published_at", stamp);
                }
                gold.put("site", a.site());
                gold.put("url", a.url());
            }
            if (chance(0.5)) {
                h.append("<link rel=\"canonical\" href=\"").append(esc(a.url())).append("\">\n");
                gold.put("url", a.url());
            }
            h.append("<link rel=\"stylesheet\" href=\"/css/main.css\">\n<style>body{margin:0}</style>\n");
            h.append("</head>\n<body>\n");
            h.append("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">").append(esc(a.site()))
                    .append("</a></div>\n<nav class=\"main-menu\"><ul>");
            for (String item : nav(lang)) {
                h.append("<li><a href=\"/").append(Math.abs(item.hashCode() % 100)).append("\">").append(esc(item))
                        .append("</a></li>");
            }
            h.append("</ul></nav></header>\n");
            if (chance(0.4)) {
                h.append("<div class=\"breadcrumb\"><a href=\"/\">").append(lang.equals("ar") ? "الرئيسية" : "Home")
                        .append("</a> › ").append(esc(section(a))).append("</div>\n");
            }
            String articleClass = pick(List.of("article", "post single", "news-item"), List.of("entry", "story"));
            String bodyClass = pick(List.of("article-body", "post-content", "content"),
                    List.of("entry-content", "story-body__inner", "td-post-content"));
            h.append(chance(0.6) ? "<main id=\"main\">\n" : "<div id=\"page\" class=\"container\">\n");
            h.append("<article class=\"").append(articleClass).append("\">\n");
            if (!jsonLd && chance(0.5)) {
                String section = section(a);
                h.append("<div class=\"kicker\"><a href=\"/s\">").append(esc(section)).append("</a></div>\n");
                gold.put("section", section);
            }
            h.append("<h1 class=\"headline\">").append(esc(a.title())).append("</h1>\n");
            if (byline != null && gold.get("byline") == null) {
                if (chance(0.5)) {
                    h.append("<div class=\"byline\">").append(esc(bylineText(a, byline))).append("</div>\n");
                } else {
                    h.append("<p class=\"meta\"><span class=\"author\">").append(esc(byline))
                            .append("</span></p>\n");
                }
                gold.put("byline", byline);
            }
            if (gold.get("published_at") == null) {
                if (chance(0.5)) {
                    h.append("<time datetime=\"").append(iso).append("\">").append(esc(dateText(a, new LinkedHashMap<>(),
                            false))).append("</time>\n");
                    gold.put("published_at", iso);
                } else if (chance(0.6)) {
                    h.append("<div class=\"date\">").append(esc(dateText(a, gold, true))).append("</div>\n");
                }
            } else if (chance(0.5)) {
                h.append("<time datetime=\"").append(stamp).append("\">").append(esc(dateText(a,
                        new LinkedHashMap<>(), true))).append("</time>\n");
            }
            if (chance(0.5)) {
                h.append("<div class=\"share-buttons\">");
                for (String s : shareBar(lang).split("[\\s|:]+")) {
                    h.append("<a href=\"#\">").append(esc(s)).append("</a> ");
                }
                h.append("</div>\n");
            }
            h.append("<div class=\"").append(bodyClass).append("\">\n");
            List<String> body = new ArrayList<>();
            for (int i = 0; i < a.paragraphs().size(); i++) {
                h.append("<p>").append(esc(a.paragraphs().get(i))).append("</p>\n");
                body.add(a.paragraphs().get(i));
                if (i == 0 && chance(0.5)) {
                    String caption = caption(a);
                    h.append("<figure class=\"image\"><img src=\"/img/").append(i).append(".jpg\" alt=\"")
                            .append(esc(caption)).append("\"><figcaption>").append(esc(caption))
                            .append("</figcaption></figure>\n");
                    body.add(caption);
                }
                if (i == 1 && a.paragraphs().size() > 3 && chance(0.4)) {
                    String other = others.get(rnd.nextInt(others.size()));
                    if (chance(0.5)) {
                        h.append("<div class=\"read-more\"><strong>").append(esc(relatedMarker(lang)))
                                .append("</strong> <a href=\"/x\">").append(esc(other)).append("</a></div>\n");
                    } else {
                        h.append("<p><strong>").append(esc(relatedMarker(lang).replaceAll("[:：\\s]+$", "")))
                                .append(":</strong> <a href=\"/x\">").append(esc(other)).append("</a></p>\n");
                    }
                }
            }
            if (chance(0.4)) {
                h.append("<p class=\"note\"><em>").append(esc(disclaimer(lang, a.site()))).append("</em></p>\n");
            }
            h.append("</div>\n");
            if (chance(0.5)) {
                h.append("<div class=\"tags\">").append(esc(tags(lang))).append("</div>\n");
            }
            h.append("</article>\n");
            if (chance(0.7)) {
                List<String> pool = new ArrayList<>(others);
                Collections.shuffle(pool, rnd);
                boolean classed = chance(0.5);
                h.append(classed ? "<section class=\"related-articles\">" : "<div class=\"box\">");
                h.append("<h2>").append(esc(relatedMarker(lang))).append("</h2><ul>");
                for (String t : pool.subList(0, 3)) {
                    h.append("<li><a href=\"/r\">").append(esc(t)).append("</a></li>");
                }
                h.append("</ul>").append(classed ? "</section>\n" : "</div>\n");
            }
            if (chance(0.6)) {
                h.append("<div id=\"comments\" class=\"comments-area\"><h3>")
                        .append(esc(prompts(lang).get(0))).append("</h3><form><textarea></textarea>")
                        .append("<button>").append(lang.equals("ar") ? "إرسال" : "Submit").append("</button></form></div>\n");
            }
            h.append(h.indexOf("<main") >= 0 ? "</main>\n" : "</div>\n");
            h.append("<aside class=\"sidebar\"><h3>").append(lang.equals("ar") ? "الأكثر قراءة" : "Most read")
                    .append("</h3><ol><li><a href=\"/m\">").append(esc(others.get(0))).append("</a></li></ol></aside>\n");
            h.append("<footer class=\"site-footer\"><p>").append(esc(disclaimer(lang, a.site())))
                    .append("</p></footer>\n");
            h.append("<script>window.dataLayer=window.dataLayer||[];</script>\n</body>\n</html>\n");
            finishGold(gold, body);
            return new Page(h.toString(), gold);
        }

        private static Map<String, Object> ordered(Object... keysAndValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            return map;
        }

        private static String meta(String property, String content) {
            return "<meta property=\"" + property + "\" content=\"" + esc(content) + "\">\n";
        }

        private static Map<String, Object> emptyGold() {
            Map<String, Object> gold = new LinkedHashMap<>();
            for (String field : List.of("title", "byline", "published_at", "url", "site", "section")) {
                gold.put(field, null);
            }
            return gold;
        }

        private static void finishGold(Map<String, Object> gold, List<String> body) {
            if (gold.get("site") == null && gold.get("url") != null) {
                String host = java.net.URI.create((String) gold.get("url")).getHost();
                gold.put("site", host.startsWith("www.") ? host.substring(4) : host);
            }
            gold.put("body", String.join("\n\n", body));
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
