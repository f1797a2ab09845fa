package dev.khabar.enrich.language;

import java.io.IOException;
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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.model.Language;

/**
 * {@code eval langid --dir DIR [--lines FROM:TO | --holdout]}: identifies every line of every {@code <code>.txt} in
 * DIR with the standard identifier and prints per-language accuracy, a reliability table of the confidences and,
 * last, one JSON line. {@code --holdout} keeps lines 251-500, the lines the bundled model was not tuned on;
 * {@code --skip} leaves languages out.
 */
public final class LanguageIdEval {

    static final String HOLDOUT = "251:500";

    private LanguageIdEval() {
    }

    public static int run(String[] args) throws IOException {
        Map<String, String> options = options(args);
        if (!options.containsKey("--dir")) {
            System.out.println("usage: eval langid --dir DIR [--lines FROM:TO | --holdout] [--skip CODE,CODE]");
            return 2;
        }
        Path dir = Path.of(options.get("--dir"));
        int[] range = lineRange(options.containsKey("--holdout") ? HOLDOUT : options.getOrDefault("--lines", "1:"));
        List<String> skipped = List.of(options.getOrDefault("--skip", "").split(","));
        Map<String, List<String>> samples = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String code = file.getFileName().toString().replace(".txt", "");
                if (skipped.contains(code)) {
                    continue;
                }
                List<String> lines = lines(file, range[0], range[1]);
                if (lines.isEmpty()) {
                    System.out.printf(Locale.ROOT, "%-4s no samples in the requested lines; left out%n", code);
                    continue;
                }
                samples.put(code, lines);
            }
        }
        if (samples.isEmpty()) {
            System.out.println("no <code>.txt files in " + dir);
            return 2;
        }

        long loadStart = System.nanoTime();
        LanguageIdentifier identifier = LanguageIdentifier.standard();
        identifier.identify(null, "warm");
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long heapMb = usedHeapAfterGc() / (1024 * 1024);

        int[] binTotal = new int[10];
        int[] binRight = new int[10];
        double[] binConfidence = new double[10];
        Map<String, Double> perLanguage = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> confusions = new HashMap<>();
        int total = 0;
        int undetermined = 0;
        int mixed = 0;
        long nanos = 0;
        for (Map.Entry<String, List<String>> e : samples.entrySet()) {
            int right = 0;
            for (String text : e.getValue()) {
                long start = System.nanoTime();
                Language language = identifier.identify(null, text);
                nanos += System.nanoTime() - start;
                boolean correct = language.code().equals(e.getKey());
                right += correct ? 1 : 0;
                undetermined += language.code().equals(NgramIdentifier.UNDETERMINED) ? 1 : 0;
                mixed += language.mix() == null ? 0 : 1;
                if (!correct) {
                    confusions.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(language.code(), 1, Integer::sum);
                }
                int bin = Math.min(9, (int) (language.confidence() * 10));
                binTotal[bin]++;
                binRight[bin] += correct ? 1 : 0;
                binConfidence[bin] += language.confidence();
            }
            total += e.getValue().size();
            double accuracy = e.getValue().isEmpty() ? 0 : right / (double) e.getValue().size();
            perLanguage.put(e.getKey(), Math.round(accuracy * 10000) / 10000.0);
            System.out.printf(Locale.ROOT, "%-4s %.4f  (%d/%d)%s%n", e.getKey(), accuracy, right, e.getValue().size(),
                    confusions.containsKey(e.getKey()) ? "  wrong: " + top(confusions.get(e.getKey())) : "");
        }
        double mean = perLanguage.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double perSecond = total / Math.max(1e-9, nanos / 1e9);
        System.out.println("confidence  samples  mean-confidence  accuracy");
        for (int b = 0; b < 10; b++) {
            if (binTotal[b] > 0) {
                System.out.printf(Locale.ROOT, "[%.1f,%.1f)  %7d  %.3f            %.3f%n", b / 10.0, (b + 1) / 10.0,
                        binTotal[b], binConfidence[b] / binTotal[b], binRight[b] / (double) binTotal[b]);
            }
        }
        System.out.printf(Locale.ROOT, "identifier %s, lines %d-%s, load %d ms, und %d of %d, mix reported for %d%n",
                identifier.version(), range[0], range[1] == Integer.MAX_VALUE ? "end" : String.valueOf(range[1]),
                loadMillis, undetermined, total, mixed);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", "langid");
        json.put("languages", samples.size());
        json.put("samples", total);
        json.put("accuracy", Math.round(mean * 10000) / 10000.0);
        json.put("per_language", perLanguage);
        json.put("samples_per_second", Math.round(perSecond));
        json.put("heap_mb", heapMb);
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    private static String top(Map<String, Integer> wrong) {
        return wrong.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + "=" + e.getValue()).toList().toString();
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Parses {@code --key value} pairs; a flag without a value maps to "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(args[i], hasValue ? args[++i] : "true");
            }
        }
        return options;
    }

    /** {@code FROM:TO}, 1-based and inclusive; an empty TO means to the end. */
    static int[] lineRange(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--lines wants FROM:TO, got " + spec);
        }
        int from = Integer.parseInt(parts[0]);
        int to = parts[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(parts[1]);
        return new int[] {from, to};
    }

    /** Lines {@code from} to {@code to} (1-based, inclusive) of a file, blank lines skipped. */
    static List<String> lines(Path file, int from, int to) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> picked = new ArrayList<>();
        for (int i = from - 1; i < Math.min(all.size(), to); i++) {
            if (!all.get(i).isBlank()) {
                picked.add(all.get(i).strip());
            }
        }
        return picked;
    }
}
