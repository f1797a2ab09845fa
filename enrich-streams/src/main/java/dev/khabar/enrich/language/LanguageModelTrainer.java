package dev.khabar.enrich.language;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.ibm.icu.lang.UScript;

/**
 * {@code train langid}: builds the bundled n-gram model from the n-gram frequency files inside the Lingua 1.2.2 jar
 * (Apache-2.0), adds languages Lingua lacks from training lines of a development set, then tunes the backoff, floor
 * and confidence temperature on those training lines only.
 */
public final class LanguageModelTrainer {

    private static final String[] ORDERS = {"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};
    private static final String[] SETS = {"sentences", "word-pairs", "single-words"};
    private static final double MIN_SCRIPT_SHARE = 0.05;

    private LanguageModelTrainer() {
    }

    public static int run(String[] args) throws IOException {
        Map<String, String> options = LanguageIdEval.options(args);
        Path linguaJar = Path.of(options.getOrDefault("--lingua-jar", System.getProperty("user.home")
                + "/.m2/repository/com/github/pemistahl/lingua/1.2.2/lingua-1.2.2.jar"));
        Path dev = options.containsKey("--dev") ? Path.of(options.get("--dev")) : null;
        List<String> extra = options.containsKey("--extra")
                ? Arrays.asList(options.get("--extra").split(",")) : List.of();
        int[] lines = LanguageIdEval.lineRange(options.getOrDefault("--lines", "1:250"));
        int minCount = Integer.parseInt(options.getOrDefault("--min-count", "2"));
        Path out = Path.of(options.getOrDefault("--out",
                "enrich-streams/src/main/resources/dev/khabar/enrich/language/" + NgramIdentifier.RESOURCE));

        Map<String, Map<String, Double>> perLanguage = new TreeMap<>();
        try (ZipFile zip = new ZipFile(linguaJar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (!name.startsWith("language-models/") || !name.endsWith(".json")) {
                    continue;
                }
                String code = name.split("/")[1];
                int order = Arrays.asList(ORDERS).indexOf(name.split("/")[2].replace(".json", "")) + 1;
                try (InputStream in = zip.getInputStream(entry)) {
                    readLinguaFile(in, order < 4 ? 1 : minCount, perLanguage.computeIfAbsent(code, c -> new HashMap<>()));
                }
            }
        }
        if (dev == null && !extra.isEmpty()) {
            throw new IllegalArgumentException("--extra needs --dev DIR");
        }
        for (String code : extra) {
            List<String> training = LanguageIdEval.lines(dev.resolve("sentences").resolve(code + ".txt"), lines[0], lines[1]);
            perLanguage.put(code, countNgrams(training));
            System.out.printf(Locale.ROOT, "%s: trained on %d lines of sentences/%s.txt (lines %d-%d)%n",
                    code, training.size(), code, lines[0], lines[1]);
        }
        List<String> codes = new ArrayList<>(perLanguage.keySet());
        List<String> scripts = codes.stream().map(c -> scriptsOf(perLanguage.get(c))).toList();
        TreeMap<String, short[]> table = new TreeMap<>();
        Map<String, short[]> merged = new HashMap<>();
        for (int l = 0; l < codes.size(); l++) {
            for (Map.Entry<String, Double> e : perLanguage.get(codes.get(l)).entrySet()) {
                short posting = (short) ((l << 8) | NgramModel.quantize(Math.log(e.getValue())));
                merged.merge(e.getKey(), new short[] {posting}, LanguageModelTrainer::concat);
            }
        }
        table.putAll(merged);
        merged.clear();
        perLanguage.clear();
        String version = "ngram-v1-lingua-1.2.2-min" + minCount + (extra.isEmpty() ? "" : "+" + String.join("-", extra));
        NgramModel.Calibration initial = new NgramModel.Calibration(Math.log(0.3), -14, new double[codes.size()], 0, 0);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        NgramModel.write(buffer, version, codes, scripts, initial, table);
        NgramModel model = NgramModel.read(new ByteArrayInputStream(buffer.toByteArray()));
        for (int l = 0; l < codes.size(); l++) {
            System.out.printf(Locale.ROOT, "%s scripts: %s%n", codes.get(l), scripts.get(l));
        }
        if (dev != null) {
            model = tune(model, dev, lines, options.getOrDefault("--tune-step", "1"));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        NgramModel.Calibration c = model.calibration();
        try (OutputStream file = Files.newOutputStream(out)) {
            NgramModel.write(file, version, codes, scripts, c, table);
        }
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes), calibration %s%n", out, Files.size(out), c);
        return 0;
    }

    private static short[] concat(short[] a, short[] b) {
        short[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Reads one Lingua file: {@code {"language":..,"ngrams":{"count/total":"ngram ngram ..."}}}. */
    static void readLinguaFile(InputStream in, int minCount, Map<String, Double> into) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "ngrams".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String fraction = parser.currentName();
                        parser.nextToken();
                        String ngrams = parser.getText();
                        int slash = fraction.indexOf('/');
                        long numerator = Long.parseLong(fraction.substring(0, slash));
                        double probability = numerator / Double.parseDouble(fraction.substring(slash + 1));
                        if (numerator < minCount) {
                            continue;
                        }
                        for (String ngram : ngrams.split(" ")) {
                            if (!ngram.isEmpty() && ngram.chars().allMatch(ch -> Character.isLetter((char) ch))) {
                                into.put(ngram, probability);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Conditional n-gram probabilities (orders 1 to 5, within words) of a small corpus, as Lingua computes them. */
    static Map<String, Double> countNgrams(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        long unigrams = 0;
        for (String text : texts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                for (int order = 1; order <= NgramModel.MAX_ORDER; order++) {
                    for (int i = 0; i + order <= word.length(); i++) {
                        String ngram = word.substring(i, i + order);
                        if (ngram.chars().allMatch(ch -> Character.isLetter((char) ch))) {
                            counts.merge(ngram, 1, Integer::sum);
                            if (order == 1) {
                                unigrams++;
                            }
                        }
                    }
                }
            }
        }
        Map<String, Integer> continuations = new HashMap<>();
        counts.forEach((ngram, count) -> {
            if (ngram.length() > 1) {
                continuations.merge(ngram.substring(0, ngram.length() - 1), count, Integer::sum);
            }
        });
        Map<String, Double> probabilities = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String ngram = e.getKey();
            double denominator = ngram.length() == 1 ? unigrams : continuations.get(ngram.substring(0, ngram.length() - 1));
            probabilities.put(ngram, e.getValue() / denominator);
        }
        return probabilities;
    }

    /** The scripts holding at least {@link #MIN_SCRIPT_SHARE} of a language's unigram probability. */
    static String scriptsOf(Map<String, Double> model) {
        Map<String, Double> mass = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : model.entrySet()) {
            if (e.getKey().length() != 1) {
                continue;
            }
            int script = UScript.getScript(e.getKey().charAt(0));
            if (script == UScript.COMMON || script == UScript.INHERITED || script == UScript.UNKNOWN) {
                continue;
            }
            mass.merge(UScript.getShortName(script), e.getValue(), Double::sum);
            total += e.getValue();
        }
        final double sum = total;
        return mass.entrySet().stream().filter(e -> e.getValue() >= MIN_SCRIPT_SHARE * sum)
                .map(Map.Entry::getKey).collect(Collectors.joining(" "));
    }

    /** One training sample: its group (set and language), letters, candidates, their log-likelihoods, the right one. */
    private record Sample(int group, int letters, int[] languages, double[] logLikelihoods, int truth) {

        int best(double[] bias) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < languages.length; i++) {
                double score = logLikelihoods[i] + bias[languages[i]] * letters;
                if (best < 0 || score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            return best;
        }
    }

    /**
     * Picks backoff and floor by accuracy, then per-language biases by accuracy, then the temperature by log-loss, all
     * on the training lines of every set; the held-out lines are never read here.
     */
    private static NgramModel tune(NgramModel model, Path dev, int[] lines, String step) throws IOException {
        Map<String, List<String>> samples = new LinkedHashMap<>();
        int every = Integer.parseInt(step);
        for (String set : SETS) {
            for (int l = 0; l < model.languageCount(); l++) {
                Path file = dev.resolve(set).resolve(model.code(l) + ".txt");
                if (Files.exists(file)) {
                    List<String> all = LanguageIdEval.lines(file, lines[0], lines[1]);
                    List<String> picked = new ArrayList<>();
                    for (int i = 0; i < all.size(); i += every) {
                        picked.add(all.get(i));
                    }
                    samples.put(set + "/" + model.code(l), picked);
                }
            }
        }
        double[] zero = new double[model.languageCount()];
        double bestAccuracy = -1;
        NgramModel best = model;
        List<Sample> bestSamples = null;
        for (double backoff : new double[] {Math.log(0.1), Math.log(0.3), Math.log(0.6)}) {
            for (double floor : new double[] {-10, -14}) {
                NgramModel candidate = model.withCalibration(new NgramModel.Calibration(backoff, floor, zero, 0, 0));
                List<Sample> scored = scoreAll(candidate, samples);
                double accuracy = accuracy(scored, zero, samples.size());
                System.out.printf(Locale.ROOT, "tune backoff=%.3f floor=%.1f training accuracy=%.4f%n",
                        backoff, floor, accuracy);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    best = candidate;
                    bestSamples = scored;
                }
            }
        }
        double[] bias = tuneBias(bestSamples, model.languageCount(), samples.size());
        for (int l = 0; l < bias.length; l++) {
            if (bias[l] != 0) {
                System.out.printf(Locale.ROOT, "bias %s %+.3f%n", model.code(l), bias[l]);
            }
        }
        double bestLoss = Double.MAX_VALUE;
        double[] temperature = {0, 0};
        List<double[]> gaps = new ArrayList<>();
        for (Sample s : bestSamples) {
            double[] g = gaps(s, bias);
            if (g != null) {
                gaps.add(g);
            }
        }
        for (double log = -2; log <= 2; log += 0.1) {
            for (double perLog = 0; perLog <= 1.2; perLog += 0.05) {
                double loss = 0;
                double t = 0;
                for (int i = 0; i < gaps.size(); i++) {
                    double[] g = gaps.get(i);
                    t = Math.exp(log + perLog * Math.log(g[0]));
                    double sum = 0;
                    for (int j = 2; j < g.length; j++) {
                        sum += Math.exp(-(g[j] - g[1]) / t);
                    }
                    loss += Math.log(sum);
                }
                if (loss < bestLoss) {
                    bestLoss = loss;
                    temperature = new double[] {log, perLog};
                }
            }
        }
        NgramModel.Calibration c = best.calibration().withBias(bias).withTemperature(temperature[0], temperature[1]);
        System.out.printf(Locale.ROOT, "%s, mean log-loss %.4f%n", c, bestLoss / gaps.size());
        c = isotonic(bestSamples, c);
        return best.withCalibration(c);
    }

    /**
     * For log-loss: {letters, gap of the right language, gaps of the top candidates} where a gap is the distance below
     * the best score; null when only one language was possible or the right one was not a candidate.
     */
    private static double[] gaps(Sample s, double[] bias) {
        if (s.truth() < 0 || s.languages().length < 2) {
            return null;
        }
        double[] scores = new double[s.languages().length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = s.logLikelihoods()[i] + bias[s.languages()[i]] * s.letters();
        }
        double max = Arrays.stream(scores).max().orElse(0);
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int top = Math.min(10, sorted.length);
        double[] g = new double[2 + top];
        g[0] = s.letters();
        g[1] = max - scores[s.truth()];
        for (int j = 0; j < top; j++) {
            g[2 + j] = max - sorted[sorted.length - 1 - j];
        }
        return g;
    }

    /**
     * Fits the map from the softmax's top probability to the accuracy seen at that probability (pool-adjacent-
     * violators, so it never decreases) over the training samples.
     */
    private static NgramModel.Calibration isotonic(List<Sample> samples, NgramModel.Calibration c) {
        List<double[]> points = new ArrayList<>();
        for (Sample s : samples) {
            if (s.languages().length == 0) {
                continue;
            }
            int best = s.best(c.bias());
            double raw = 1.0;
            if (s.languages().length > 1) {
                double t = NgramScorer.temperature(c, s.letters());
                double max = s.logLikelihoods()[best] + c.bias()[s.languages()[best]] * s.letters();
                double sum = 0;
                for (int i = 0; i < s.languages().length; i++) {
                    sum += Math.exp((s.logLikelihoods()[i] + c.bias()[s.languages()[i]] * s.letters() - max) / t);
                }
                raw = 1.0 / sum;
            }
            points.add(new double[] {raw, best == s.truth() ? 1 : 0});
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        // blocks of {sum of raw, sum of correct, count}
        List<double[]> blocks = new ArrayList<>();
        for (double[] p : points) {
            blocks.add(new double[] {p[0], p[1], 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] before = blocks.get(blocks.size() - 2);
                if (before[1] / before[2] < last[1] / last[2]) {
                    break;
                }
                before[0] += last[0];
                before[1] += last[1];
                before[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        // merge small blocks so each point rests on at least 50 samples
        List<double[]> merged = new ArrayList<>();
        for (double[] b : blocks) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last[2] < 50) {
                last[0] += b[0];
                last[1] += b[1];
                last[2] += b[2];
            } else {
                merged.add(b.clone());
            }
        }
        double[] raw = new double[merged.size()];
        double[] observed = new double[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            raw[i] = merged.get(i)[0] / merged.get(i)[2];
            observed[i] = merged.get(i)[1] / merged.get(i)[2];
            System.out.printf(Locale.ROOT, "isotonic %.4f -> %.4f (%d samples)%n", raw[i], observed[i],
                    (int) merged.get(i)[2]);
        }
        return c.withIsotonic(raw, observed);
    }

    /** Mean over (set, language) groups of the share of samples whose best candidate is right. */
    private static double accuracy(List<Sample> samples, double[] bias, int groups) {
        int[] right = new int[groups];
        int[] total = new int[groups];
        for (Sample s : samples) {
            total[s.group()]++;
            if (s.truth() >= 0 && s.best(bias) == s.truth()) {
                right[s.group()]++;
            }
        }
        double sum = 0;
        for (int g = 0; g < groups; g++) {
            sum += total[g] == 0 ? 0 : right[g] / (double) total[g];
        }
        return sum / groups;
    }

    /** Coordinate ascent on per-letter language biases, keeping a change only when it helps training accuracy. */
    private static double[] tuneBias(List<Sample> samples, int languages, int groups) {
        double[] bias = new double[languages];
        double current = accuracy(samples, bias, groups);
        double[] steps = {0.4, -0.4, 0.2, -0.2, 0.1, -0.1, 0.05, -0.05, 0.025, -0.025};
        for (int pass = 0; pass < 3; pass++) {
            boolean changed = false;
            for (int l = 0; l < languages; l++) {
                double bestValue = bias[l];
                double bestAccuracy = current;
                double original = bias[l];
                for (double step : steps) {
                    bias[l] = original + step;
                    double accuracy = accuracy(samples, bias, groups);
                    if (accuracy > bestAccuracy + 1e-5) {
                        bestAccuracy = accuracy;
                        bestValue = bias[l];
                    }
                }
                bias[l] = bestValue;
                changed |= bestValue != original;
                current = bestAccuracy;
            }
            System.out.printf(Locale.ROOT, "bias pass %d training accuracy %.4f%n", pass + 1, current);
            if (!changed) {
                break;
            }
        }
        return bias;
    }

    private static List<Sample> scoreAll(NgramModel model, Map<String, List<String>> samples) {
        NgramScorer scorer = new NgramScorer(model);
        List<Sample> scored = new ArrayList<>();
        int group = 0;
        for (Map.Entry<String, List<String>> e : samples.entrySet()) {
            String code = e.getKey().substring(e.getKey().indexOf('/') + 1);
            for (String text : e.getValue()) {
                NgramScorer.Scores s = scorer.score(text, 10_000);
                int truth = -1;
                for (int i = 0; i < s.languages().length; i++) {
                    if (model.code(s.languages()[i]).equals(code)) {
                        truth = i;
                    }
                }
                scored.add(new Sample(group, Math.max(1, s.letters()), s.languages(), s.logLikelihoods(), truth));
            }
            group++;
        }
        return scored;
    }
}
