package dev.khabar.enrich.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.model.DuplicateRecord;
import dev.khabar.model.Json;

/**
 * {@code eval dedup --articles FILE}: runs the dedup engine over JSON Lines {@code {"id","text","duplicate_of"}}
 * in arrival order (the gold {@code duplicate_of} is hidden from the engine) and prints precision, recall, F1 and
 * throughput. A predicted duplicate is correct when it is a gold duplicate and its predicted original is in the
 * same gold group.
 * <p>
 * Options: {@code --jaccard T}, {@code --containment T}, {@code --shingle K}, {@code --hashes N},
 * {@code --bands B} override the defaults (for tuning on the tuning split only); {@code --errors} lists wrong
 * verdicts; {@code --curve} prints detection rate against true shingle similarity next to the LSH S-curve.
 */
public final class DedupEval {

    private static final long START_MS = 1_700_000_000_000L;

    private DedupEval() {
    }

    public static int run(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                System.out.println("Unexpected argument " + args[i]);
                return 2;
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opts.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        if (!opts.containsKey("articles")) {
            System.out.println("usage: eval dedup --articles FILE.jsonl [--jaccard T] [--containment T] "
                    + "[--shingle K --hashes N --bands B] [--errors] [--curve]");
            return 2;
        }
        DedupSettings defaults = DedupSettings.defaults();
        DedupSettings settings = defaults
                .withLsh(intOpt(opts, "shingle", defaults.shingleSize()), intOpt(opts, "hashes", defaults.hashes()),
                        intOpt(opts, "bands", defaults.bands()))
                .withThresholds(doubleOpt(opts, "jaccard", defaults.jaccardThreshold()),
                        doubleOpt(opts, "containment", defaults.containmentThreshold()));
        List<Item> items = read(Path.of(opts.get("articles")));

        DedupState state = DedupState.inMemory();
        DedupEngine engine = new DedupEngine(settings, state);
        List<DedupVerdict> verdicts = new ArrayList<>(items.size());
        long started = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            verdicts.add(engine.decide(item.id(), item.text(), START_MS + i * 1000L));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, String> group = new HashMap<>();
        for (Item item : items) {
            String root = item.duplicateOf() == null ? item.id() : group.getOrDefault(item.duplicateOf(),
                    item.duplicateOf());
            group.put(item.id(), root);
        }
        int goldDuplicates = 0;
        int predicted = 0;
        int correct = 0;
        int exact = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            DedupVerdict verdict = verdicts.get(i);
            boolean gold = item.duplicateOf() != null;
            if (gold) {
                goldDuplicates++;
            }
            if (verdict.duplicate()) {
                predicted++;
                if (DuplicateRecord.EXACT.equals(verdict.kind())) {
                    exact++;
                }
                boolean right = gold && group.get(item.id()).equals(group.get(verdict.duplicateOf()));
                if (right) {
                    correct++;
                } else {
                    errors.add(String.format(Locale.ROOT, "FP %s -> %s (%s %.3f, gold %s)", item.id(),
                            verdict.duplicateOf(), verdict.kind(), verdict.similarity(), item.duplicateOf()));
                }
            } else if (gold) {
                errors.add(String.format(Locale.ROOT, "FN %s (gold %s)", item.id(), item.duplicateOf()));
            }
        }
        double precision = predicted == 0 ? 1.0 : (double) correct / predicted;
        double recall = goldDuplicates == 0 ? 1.0 : (double) correct / goldDuplicates;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        System.out.printf(Locale.ROOT, "settings: shingle=%d hashes=%d bands=%d rows=%d jaccard>=%.2f "
                        + "containment>=%.2f; LSH 50%% point at similarity %.3f%n", settings.shingleSize(),
                settings.hashes(), settings.bands(), settings.rows(), settings.jaccardThreshold(),
                settings.containmentThreshold(), settings.halfPoint());
        System.out.printf(Locale.ROOT, "articles %d, gold duplicates %d, predicted %d (%d exact), correct %d%n",
                items.size(), goldDuplicates, predicted, exact, correct);
        long ingested = 0;
        long firstCopies = 0;
        long bytes = 0;
        for (Map.Entry<String, long[]> e : new TreeMap<>(state.footprint()).entrySet()) {
            System.out.printf(Locale.ROOT, "store %-22s %9d entries %11d key+value bytes%n", e.getKey(),
                    e.getValue()[0], e.getValue()[1]);
            bytes += e.getValue()[1];
            if (e.getKey().equals(DedupState.EXPIRY_STORE)) {
                ingested = e.getValue()[0];
            } else if (e.getKey().equals(DedupState.SIGNATURE_STORE)) {
                firstCopies = e.getValue()[0];
            }
        }
        if (ingested > 0 && firstCopies > 0) {
            System.out.printf(Locale.ROOT, "state: %.0f key+value bytes per article ingested, %.0f per first copy "
                    + "indexed for near matching%n", (double) bytes / ingested, (double) bytes / firstCopies);
        }
        if (opts.containsKey("errors")) {
            errors.forEach(System.out::println);
        }
        if (opts.containsKey("curve")) {
            printCurve(items, verdicts, group, settings);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", "dedup");
        report.put("articles", items.size());
        report.put("precision", round(precision));
        report.put("recall", round(recall));
        report.put("f1", round(f1));
        report.put("articles_per_second", Math.round(items.size() / Math.max(seconds, 1e-9)));
        System.out.println(Json.mapper().writeValueAsString(report));
        return 0;
    }

    /** Detection rate of gold copies by true shingle Jaccard (exact sets), next to P(candidate) of the LSH. */
    private static void printCurve(List<Item> items, List<DedupVerdict> verdicts, Map<String, String> group,
                                   DedupSettings settings) {
        MinHasher hasher = new MinHasher(settings);
        Map<String, String> texts = new HashMap<>();
        items.forEach(item -> texts.put(item.id(), item.text()));
        int[] total = new int[10];
        int[] caught = new int[10];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.duplicateOf() == null) {
                continue;
            }
            long[] a = hasher.shingles(BodyNormalizer.normalize(item.text()));
            long[] b = hasher.shingles(BodyNormalizer.normalize(texts.get(item.duplicateOf())));
            int bin = Math.min(9, (int) (trueJaccard(a, b) * 10));
            total[bin]++;
            DedupVerdict v = verdicts.get(i);
            if (v.duplicate() && group.get(item.id()).equals(group.get(v.duplicateOf()))) {
                caught[bin]++;
            }
        }
        System.out.println("true Jaccard bin | gold copies | caught | P(candidate) at bin middle");
        for (int bin = 0; bin < 10; bin++) {
            System.out.printf(Locale.ROOT, "%.1f-%.1f | %5d | %5.3f | %.3f%n", bin / 10.0, (bin + 1) / 10.0,
                    total[bin], total[bin] == 0 ? Double.NaN : (double) caught[bin] / total[bin],
                    settings.candidateProbability(bin / 10.0 + 0.05));
        }
    }

    static double trueJaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 1.0 : (double) shared / union;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static int intOpt(Map<String, String> opts, String key, int fallback) {
        return opts.containsKey(key) ? Integer.parseInt(opts.get(key)) : fallback;
    }

    private static double doubleOpt(Map<String, String> opts, String key, double fallback) {
        return opts.containsKey(key) ? Double.parseDouble(opts.get(key)) : fallback;
    }

    record Item(String id, String text, String duplicateOf) {
    }

    static List<Item> read(Path file) throws IOException {
        ObjectMapper mapper = Json.mapper();
        List<Item> items = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                if (!node.hasNonNull("id") || !node.has("text")) {
                    throw new IOException(file + ":" + number + ": needs \"id\" and \"text\"");
                }
                JsonNode dup = node.get("duplicate_of");
                items.add(new Item(node.get("id").asText(), node.get("text").asText(""),
                        dup == null || dup.isNull() ? null : dup.asText()));
            }
        }
        return items;
    }
}
