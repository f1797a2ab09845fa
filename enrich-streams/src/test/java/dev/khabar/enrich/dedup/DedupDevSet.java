package dev.khabar.enrich.dedup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.model.Json;

/**
 * Writes a dedup development set (JSON Lines {@code {"id","text","duplicate_of"}} in arrival order) from the
 * non-commercial dev corpora. Run from the module directory after {@code mvn package}:
 * <pre>
 * java -cp target/test-classes:target/enrich-streams.jar dev.khabar.enrich.dedup.DedupDevSet \
 *   --ar /work/shared/data/news-ar-saudinewsnet-dev.jsonl.gz --en /work/shared/data/news-en-bbc-dev.csv \
 *   --split test --seed 2 --out target/dedup-dev-test.jsonl
 * </pre>
 * Originals are articles that share no 12-word sentence, title or body with any other article of the corpus
 * (so unlabelled natural reprints stay out), split into halves {@code tune}/{@code test} by a hash of their
 * source key. The cross-outlet pairs labelled by reading ({@code dedup/saudinewsnet-inspected-pairs.tsv}) are
 * added with their labels. About 45% of the originals get one or two copies made by republishing edits;
 * copies arrive later than their original.
 */
public final class DedupDevSet {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern AR_MARKS = Pattern.compile("[\\u064B-\\u065F\\u0640]");

    private static final List<String> AR_CHROME_HEAD = List.of(
            "شارك هذا الخبر: تويتر | فيسبوك | واتساب", "الرئيسية > أخبار > محليات", "عاجل",
            "اقرأ أيضاً: أخبار متعلقة", "حجم الخط: + | -", "آخر تحديث: منذ ساعة");
    private static final List<String> AR_CHROME_TAIL = List.of(
            "جميع الحقوق محفوظة © 2015", "رابط الخبر بصحيفة الوئام", "تابعونا على تويتر وفيسبوك",
            "اقرأ المزيد من الأخبار على موقعنا", "المصدر: وكالة الأنباء السعودية (واس)", "طباعة | إرسال لصديق | تعليق");
    private static final List<String> EN_CHROME_HEAD = List.of(
            "Share this article: Facebook | Twitter | Email", "Home > News > Politics", "Breaking news",
            "Advertisement", "Last updated 2 hours ago");
    private static final List<String> EN_CHROME_TAIL = List.of(
            "All rights reserved. Copyright 2005", "Read more: related stories", "Follow us on Twitter and Facebook",
            "This story was first published by BBC Sport.", "Print | Email | Comment");
    private static final List<String> AR_HEADLINE_PREFIX = List.of("عاجل: ", "بالفيديو: ", "بالصور: ", "", "");
    private static final List<String> EN_HEADLINE_PREFIX = List.of("Updated: ", "Live: ", "Analysis: ", "", "");

    private DedupDevSet() {
    }

    record Source(String key, String lang, String title, List<String> paragraphs, long time) {
    }

    record Out(String id, String text, String duplicateOf, double order) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String split = opts.getOrDefault("split", "test");
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        int arCount = Integer.parseInt(opts.getOrDefault("ar-count", "1500"));
        int enCount = Integer.parseInt(opts.getOrDefault("en-count", "200"));
        double copyRate = Double.parseDouble(opts.getOrDefault("copy-rate", "0.45"));
        Path out = Path.of(opts.getOrDefault("out", "target/dedup-dev-" + split + ".jsonl"));
        Random random = new Random(seed);

        List<Source> arabic = readArabic(Path.of(opts.get("ar")));
        List<Source> english = readEnglish(Path.of(opts.get("en")));
        Map<String, Source> byKey = new HashMap<>();
        arabic.forEach(s -> byKey.put(s.key(), s));

        // inspected natural pairs (keys are sha256(url) prefixes)
        List<String[]> inspected = readInspected();
        Set<String> inspectedKeys = new HashSet<>();
        Map<String, String> parent = new HashMap<>();
        for (String[] pair : inspected) {
            if (!inSplit(pairSplitKey(pair[0], pair[1], inspected), split) || !byKey.containsKey(pair[0])
                    || !byKey.containsKey(pair[1])) {
                continue;
            }
            inspectedKeys.add(pair[0]);
            inspectedKeys.add(pair[1]);
            if (pair[2].equals("reprint")) {
                union(parent, pair[0], pair[1]);
            }
        }

        Set<String> entangledAr = entangled(arabic);
        Set<String> entangledEn = entangled(english);
        List<Source> originals = new ArrayList<>();
        originals.addAll(pick(arabic, entangledAr, inspectedKeys, split, arCount, random));
        originals.addAll(pick(english, entangledEn, Set.of(), split, enCount, random));
        Collections.shuffle(originals, random);

        List<Out> records = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        int n = 0;
        for (Source s : originals) {
            String id = s.lang() + "-" + (n++);
            ids.put(s.key(), id);
            boolean chromeOnOriginal = random.nextDouble() < 0.1;
            List<String> paragraphs = withTitle(s);
            if (chromeOnOriginal) {
                paragraphs = addChrome(paragraphs, s.lang(), random); // the copies below drop it: "chrome removed"
            }
            double order = n + random.nextDouble();
            records.add(new Out(id, String.join("\n\n", paragraphs), null, order));
            if (random.nextDouble() < copyRate) {
                int copies = random.nextDouble() < 0.3 ? 2 : 1;
                for (int c = 1; c <= copies; c++) {
                    List<String> copy = edit(withTitle(s), s.lang(), originals, random);
                    double later = order + 1 + random.nextInt(Math.max(2, originals.size() / 3));
                    records.add(new Out(id + "-c" + c, String.join("\n\n", copy), id, later));
                }
            }
        }
        // inspected pairs: arrive in the order they were published; later members of a reprint group point to
        // the first member
        List<Source> natural = new ArrayList<>();
        for (String key : inspectedKeys) {
            natural.add(byKey.get(key));
        }
        natural.sort(Comparator.comparingLong(Source::time).thenComparing(Source::key));
        Map<String, String> firstOfGroup = new HashMap<>();
        int total = originals.size();
        for (int i = 0; i < natural.size(); i++) {
            Source s = natural.get(i);
            String id = "nat-" + s.key();
            String root = find(parent, s.key());
            String first = firstOfGroup.putIfAbsent(root, id);
            double order = (double) total * (i + 1) / (natural.size() + 1) + random.nextDouble();
            records.add(new Out(id, String.join("\n\n", withTitle(s)), first, order));
        }
        records.sort(Comparator.comparingDouble(Out::order));

        ObjectMapper mapper = new ObjectMapper(); // keeps "duplicate_of": null, as the eval format asks
        Files.createDirectories(out.toAbsolutePath().getParent());
        int duplicates = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Out r : records) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", r.id());
                line.put("text", r.text());
                line.put("duplicate_of", r.duplicateOf());
                if (r.duplicateOf() != null) {
                    duplicates++;
                }
                w.write(mapper.writeValueAsString(line));
                w.newLine();
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d articles, %d gold duplicates (%d inspected natural articles)%n",
                out, records.size(), duplicates, natural.size());
    }

    // ---- edits ----------------------------------------------------------------------------------------------

    static List<String> edit(List<String> paragraphs, String lang, List<Source> others, Random random) {
        List<String> p = new ArrayList<>(paragraphs);
        int ops = 1 + random.nextInt(3);
        for (int i = 0; i < ops; i++) {
            switch (random.nextInt(9)) {
                case 0 -> p = addChrome(p, lang, random);
                case 1 -> p.set(0, newHeadline(p.get(0), lang, random));
                case 2 -> p = trimLead(p, random);
                case 3 -> p = trimTail(p, random);
                case 4 -> p = reorder(p, random);
                case 5 -> p = insertSentences(p, sameLanguage(others, lang, random), random);
                case 6 -> p = wordEdits(p, random);
                case 7 -> p = lang.equals("ar") ? arabicForms(p, random) : englishForms(p, random);
                default -> {
                    p = wordEdits(p, random);
                    p.set(0, newHeadline(p.get(0), lang, random));
                }
            }
        }
        return p;
    }

    private static Source sameLanguage(List<Source> others, String lang, Random random) {
        while (true) {
            Source s = others.get(random.nextInt(others.size()));
            if (s.lang().equals(lang)) {
                return s;
            }
        }
    }

    static List<String> addChrome(List<String> p, String lang, Random random) {
        List<String> out = new ArrayList<>(p);
        List<String> head = lang.equals("ar") ? AR_CHROME_HEAD : EN_CHROME_HEAD;
        List<String> tail = lang.equals("ar") ? AR_CHROME_TAIL : EN_CHROME_TAIL;
        if (random.nextBoolean()) {
            out.add(0, head.get(random.nextInt(head.size())));
        }
        out.add(tail.get(random.nextInt(tail.size())));
        return out;
    }

    static String newHeadline(String title, String lang, Random random) {
        List<String> words = new ArrayList<>(List.of(title.split("\\s+")));
        if (words.size() > 3) {
            int drop = 1 + random.nextInt(Math.max(1, words.size() / 3));
            for (int i = 0; i < drop && words.size() > 2; i++) {
                words.remove(random.nextInt(words.size()));
            }
        }
        if (random.nextBoolean() && words.size() > 2) {
            Collections.rotate(words, 1 + random.nextInt(words.size() - 1));
        }
        List<String> prefixes = lang.equals("ar") ? AR_HEADLINE_PREFIX : EN_HEADLINE_PREFIX;
        return prefixes.get(random.nextInt(prefixes.size())) + String.join(" ", words);
    }

    /** Paragraphs, or sentences when the text has fewer than four paragraphs (the BBC texts have none). */
    static List<String> units(List<String> p) {
        if (p.size() >= 4) {
            return new ArrayList<>(p);
        }
        List<String> units = new ArrayList<>();
        units.add(p.get(0));
        for (String para : p.subList(1, p.size())) {
            for (String s : para.split("(?<=[.!?؟])\\s+")) {
                if (!s.isBlank()) {
                    units.add(s.strip());
                }
            }
        }
        return units;
    }

    static List<String> trimLead(List<String> p, Random random) {
        List<String> u = units(p);
        int body = u.size() - 1;
        int cut = Math.max(1, (int) Math.round(body * (0.08 + 0.17 * random.nextDouble())));
        if (body - cut < 2) {
            return u;
        }
        List<String> out = new ArrayList<>();
        out.add(u.get(0));
        out.addAll(u.subList(1 + cut, u.size()));
        return out;
    }

    static List<String> trimTail(List<String> p, Random random) {
        List<String> u = units(p);
        int body = u.size() - 1;
        int cut = Math.max(1, (int) Math.round(body * (0.1 + 0.3 * random.nextDouble())));
        if (body - cut < 2) {
            return u;
        }
        return new ArrayList<>(u.subList(0, u.size() - cut));
    }

    static List<String> reorder(List<String> p, Random random) {
        List<String> u = units(p);
        if (u.size() < 4) {
            return u;
        }
        String moved = u.remove(1 + random.nextInt(u.size() - 1));
        u.add(1 + random.nextInt(u.size() - 1), moved);
        return u;
    }

    static List<String> insertSentences(List<String> p, Source other, Random random) {
        List<String> u = units(p);
        List<String> from = new ArrayList<>();
        for (String para : other.paragraphs()) {
            for (String sentence : para.split("(?<=[.!?؟])\\s+")) {
                int words = sentence.split("\\s+").length;
                if (words >= 6 && words <= 40) {
                    from.add(sentence.strip());
                }
            }
        }
        if (u.size() < 6 || from.isEmpty()) {
            return u;
        }
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            u.add(1 + random.nextInt(u.size()), from.get(random.nextInt(from.size())));
        }
        return u;
    }

    static List<String> wordEdits(List<String> p, Random random) {
        List<String> out = new ArrayList<>();
        for (String para : p) {
            List<String> words = new ArrayList<>(List.of(para.split(" ")));
            int edits = Math.max(0, (int) Math.round(words.size() * (0.01 + 0.03 * random.nextDouble())));
            for (int e = 0; e < edits && words.size() > 3; e++) {
                int at = random.nextInt(words.size());
                switch (random.nextInt(4)) {
                    case 0 -> words.remove(at);
                    case 1 -> words.add(at, words.get(random.nextInt(words.size())));
                    case 2 -> Collections.swap(words, at, Math.min(words.size() - 1, at + 1));
                    default -> words.set(at, typo(words.get(at), random));
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    private static String typo(String word, Random random) {
        if (word.length() < 3) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, at) + word.substring(at + 1);
    }

    static List<String> arabicForms(List<String> p, Random random) {
        List<String> out = new ArrayList<>();
        char[] marks = {'\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'};
        for (String para : p) {
            StringBuilder sb = new StringBuilder(para.length() + 16);
            for (int i = 0; i < para.length(); i++) {
                char c = para.charAt(i);
                if (c >= '0' && c <= '9') {
                    sb.append((char) ('\u0660' + (c - '0')));
                    continue;
                }
                if (c == '\u0627' && i > 0 && para.charAt(i - 1) == ' ' && random.nextDouble() < 0.3) {
                    sb.append('\u0623');
                    continue;
                }
                if (c == '\u064A' && (i + 1 == para.length() || para.charAt(i + 1) == ' ')
                        && random.nextDouble() < 0.3) {
                    sb.append('\u0649');
                    continue;
                }
                if (c == '\u0629' && random.nextDouble() < 0.3) {
                    sb.append('\u0647');
                    continue;
                }
                sb.append(c);
                if (c >= '\u0628' && c <= '\u064A' && random.nextDouble() < 0.08) {
                    sb.append(random.nextDouble() < 0.15 ? '\u0640' : marks[random.nextInt(marks.length)]);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    static List<String> englishForms(List<String> p, Random random) {
        List<String> out = new ArrayList<>();
        for (String para : p) {
            StringBuilder sb = new StringBuilder(para.length());
            boolean start = true;
            for (int i = 0; i < para.length(); i++) {
                char c = para.charAt(i);
                if (start && Character.isLetter(c)) {
                    sb.append(Character.toUpperCase(c));
                    start = false;
                } else {
                    sb.append(c == '\'' ? '\u2019' : c);
                }
                if (c == '.' || c == '!' || c == '?') {
                    start = true;
                }
            }
            out.add(sb.toString().replace("  ", ", "));
        }
        return out;
    }

    // ---- corpora --------------------------------------------------------------------------------------------

    static List<String> withTitle(Source s) {
        List<String> p = new ArrayList<>();
        p.add(s.title());
        p.addAll(s.paragraphs());
        return p;
    }

    static List<Source> readArabic(Path file) throws IOException {
        ObjectMapper mapper = Json.mapper();
        List<Source> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode node = mapper.readTree(line);
                String content = node.path("content").asText("");
                List<String> paragraphs = new ArrayList<>();
                for (String para : content.split("\\n")) {
                    if (!para.isBlank()) {
                        paragraphs.add(para.strip());
                    }
                }
                String time = node.path("date_extracted").asText("");
                out.add(new Source(urlKey(node.path("url").asText()), "ar", node.path("title").asText("").strip(),
                        paragraphs, Long.parseLong(time.replaceAll("\\D", "") + "0".repeat(Math.max(0,
                        14 - time.replaceAll("\\D", "").length())))));
            }
        }
        return out;
    }

    static List<Source> readEnglish(Path file) throws IOException {
        List<Source> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = csv(r);
            for (int i = 1; i < rows.size(); i++) {
                String text = rows.get(i).get(1).strip();
                // the BBC texts are one line: the headline, two spaces, the body
                int cut = text.indexOf("  ");
                String title = cut > 0 ? text.substring(0, cut) : "";
                String body = cut > 0 ? text.substring(cut).strip() : text;
                out.add(new Source(urlKey("bbc-row-" + i), "en", title, List.of(body), 0));
            }
        }
        return out;
    }

    private static List<List<String>> csv(Reader r) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c;
        while ((c = r.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            r.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Articles sharing a run of 10 words, a title or a whole body with another article of the same corpus, after
     * a light orthographic folding of its own (lower case, Arabic marks dropped, alef/yeh/teh marbuta unified).
     */
    static Set<String> entangled(List<Source> corpus) {
        Map<Long, Object> owner = new HashMap<>();
        Set<String> out = new HashSet<>();
        for (Source s : corpus) {
            List<String> words = new ArrayList<>();
            Matcher m = WORD.matcher(fold(String.join("\n", s.paragraphs())));
            while (m.find()) {
                words.add(m.group());
            }
            Set<Long> keys = new HashSet<>();
            for (int i = 0; i + 10 <= words.size(); i++) {
                keys.add(MinHasher.mix(String.join(" ", words.subList(i, i + 10)).hashCode() * 31L + 17));
            }
            keys.add(MinHasher.mix(("title:" + fold(s.title())).hashCode()));
            keys.add(MinHasher.mix(("body:" + String.join(" ", words)).hashCode() * 7L));
            for (long key : keys) {
                Object previous = owner.putIfAbsent(key, s.key());
                if (previous != null && !previous.equals(s.key())) {
                    out.add(s.key());
                    out.add((String) previous);
                }
            }
        }
        return out;
    }

    private static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : AR_MARKS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").toCharArray()) {
            sb.append(switch (c) {
                case '\u0622', '\u0623', '\u0625' -> '\u0627';
                case '\u0649' -> '\u064A';
                case '\u0629' -> '\u0647';
                default -> c;
            });
        }
        return sb.toString();
    }

    private static List<Source> pick(List<Source> corpus, Set<String> entangled, Set<String> exclude, String split,
                                     int count, Random random) {
        List<Source> eligible = new ArrayList<>();
        for (Source s : corpus) {
            int words = String.join(" ", s.paragraphs()).split("\\s+").length;
            if (inSplit(s.key(), split) && !entangled.contains(s.key()) && !exclude.contains(s.key())
                    && words >= 40 && !s.title().isBlank()) {
                eligible.add(s);
            }
        }
        eligible.sort(Comparator.comparing(Source::key));
        Collections.shuffle(eligible, random);
        return eligible.subList(0, Math.min(count, eligible.size()));
    }

    static boolean inSplit(String key, String split) {
        boolean even = Character.digit(key.charAt(key.length() - 1), 16) % 2 == 0;
        return split.equals("tune") == even;
    }

    private static List<String[]> readInspected() throws IOException {
        List<String[]> pairs = new ArrayList<>();
        try (InputStream in = DedupDevSet.class.getResourceAsStream("/dedup/saudinewsnet-inspected-pairs.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("url_a")) {
                    continue;
                }
                pairs.add(line.split("\t"));
            }
        }
        return pairs;
    }

    /** Linked inspected pairs go to the same split: the smallest key of their connected group decides. */
    private static String pairSplitKey(String a, String b, List<String[]> pairs) {
        Map<String, String> all = new HashMap<>();
        for (String[] p : pairs) {
            union(all, p[0], p[1]);
        }
        String root = find(all, a);
        String smallest = a;
        for (String[] p : pairs) {
            for (String k : new String[] {p[0], p[1]}) {
                if (find(all, k).equals(root) && k.compareTo(smallest) < 0) {
                    smallest = k;
                }
            }
        }
        return smallest;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.put(find(parent, a), find(parent, b));
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        return p.equals(x) ? x : find(parent, p);
    }

    static String urlKey(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return DedupState.hex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
