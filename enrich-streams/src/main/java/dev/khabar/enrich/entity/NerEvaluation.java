package dev.khabar.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.khabar.model.Entity;

/**
 * {@code eval ner --lang LANG --conll FILE [--from-fraction 5/6] [--to-fraction 1] [--model FILE [--o-bias B] [--type-bias TYPE:B,...]] [--no-fallback]}:
 * joins each sentence's tokens with single spaces, runs the recogniser on that raw text, maps predicted spans back to
 * the gold tokens they overlap, and prints CoNLL entity-level exact-match scores, then one JSON line last.
 * {@code --model} evaluates a model file instead of the bundled one (for tuning experiments).
 */
public final class NerEvaluation {

    private NerEvaluation() {
    }

    /** An entity over gold tokens {@code [first, last]}. */
    record Span(int sentence, int first, int last, String type) {
    }

    public static int run(String[] args) throws IOException {
        Options options = new Options(args);
        String language = options.require("lang");
        if (options.get("sets", null) != null) {
            return runSets(options, language);
        }
        Path conll = Path.of(options.require("conll"));
        List<ConllCorpus.Sentence> all = ConllCorpus.read(conll, ConllCorpus.COARSE);
        List<ConllCorpus.Sentence> sentences = ConllCorpus.slice(all,
                ConllCorpus.fraction(options.get("from-fraction", "0")), ConllCorpus.fraction(options.get("to-fraction", "1")));
        EntityRecognizer recognizer = recognizer(options, language);
        Scores scores = evaluate(recognizer, sentences, language);
        if (options.flag("show-errors", false)) {
            scores.printErrors(sentences);
        }
        System.out.printf(Locale.ROOT, "ner %s on %s: %d sentences, %d tokens, recogniser %s%n", language, conll,
                sentences.size(), scores.tokens, recognizer.version());
        System.out.println(scores.report());
        System.out.println(scores.json(language, sentences.size()));
        return 0;
    }

    private static EntityRecognizer recognizer(Options options, String language) throws IOException {
        String model = options.get("model", null);
        boolean fallback = !options.flag("no-fallback", false);
        if (model == null) {
            return fallback ? EntityRecognizer.standard() : RoutingRecognizer.bundled(false);
        }
        try (InputStream in = Files.newInputStream(Path.of(model))) {
            NerModel read = NerModel.read(in);
            String bias = options.get("o-bias", null);
            NerModel biased = bias == null ? read : read.withOutsideBias(Float.parseFloat(bias));
            String typeBias = options.get("type-bias", null);
            biased = typeBias == null ? biased : biased.withTypeBias(NerModel.parseTypeBias(typeBias));
            if (!read.language().equals("ar")) {
                return new LatinRecognizer(biased, Gazetteer.standard(), fallback);
            }
            EntityRecognizer arabic = new ModelRecognizer(biased, Gazetteer.standard(), fallback);
            return new LatinRuns(arabic, new LatinRecognizer(RoutingRecognizer.bundled(RoutingRecognizer.ENGLISH_MODEL),
                    Gazetteer.standard(), fallback), "en");
        }
    }

    /**
     * {@code eval ner --lang en --sets TABLE --data-dir DIR --part tune|heldout [--only a,b] [--silver]
     * [--model FILE] [--show-errors]}: scores one part of every set of the table ({@link NerDataSets}) that has it, one line per set, then
     * all gold sets together ({@code --silver}: silver ones too) in the report and the JSON line.
     */
    private static int runSets(Options options, String language) throws IOException {
        NerDataSets sets = NerDataSets.read(Path.of(options.require("sets")), Path.of(options.require("data-dir")), null);
        NerDataSets.Part part = NerDataSets.Part.valueOf(options.get("part", "tune").toUpperCase(Locale.ROOT));
        Set<String> only = options.get("only", null) == null ? null : Set.of(options.get("only", "").split(","));
        boolean silver = options.flag("silver", false);
        EntityRecognizer recognizer = recognizer(options, language);
        Set<Span> gold = new HashSet<>();
        Set<Span> predicted = new HashSet<>();
        int offset = 0;
        int tokens = 0;
        long nanos = 0;
        for (NerDataSets.DataSet set : sets.sets()) {
            if (only != null && !only.contains(set.name())) {
                continue;
            }
            List<ConllCorpus.Sentence> sentences = set.read(part, false);
            if (sentences.isEmpty()) {
                continue;
            }
            Scores scores = evaluate(recognizer, sentences, language);
            if (options.flag("show-errors", false)) {
                scores.printErrors(sentences);
            }
            System.out.printf(Locale.ROOT, "%-14s %-5s %5d sentences  P %.4f  R %.4f  F1 %.4f  (%d gold)%n", set.name(),
                    set.gold() ? "gold" : "silver", sentences.size(), scores.precision("ALL"), scores.recall("ALL"),
                    scores.f1("ALL"), scores.counts.get("ALL")[2]);
            if (set.gold() || silver) {
                int shift = offset;
                scores.gold.forEach(g -> gold.add(new Span(g.sentence() + shift, g.first(), g.last(), g.type())));
                scores.predicted.forEach(p -> predicted.add(new Span(p.sentence() + shift, p.first(), p.last(), p.type())));
                offset += sentences.size();
                tokens += scores.tokens;
                nanos += scores.nanos;
            }
        }
        Scores all = new Scores(gold, predicted, tokens, nanos);
        System.out.printf(Locale.ROOT, "ner %s, %s parts of the scored sets of %s: %d sentences, %d tokens, recogniser %s%n",
                language, part.name().toLowerCase(Locale.ROOT), options.require("sets"), offset, tokens,
                recognizer.version());
        System.out.println(all.report());
        System.out.println(all.json(language, offset));
        return 0;
    }

    static Scores evaluate(EntityRecognizer recognizer, List<ConllCorpus.Sentence> sentences, String language) {
        Set<Span> gold = new HashSet<>();
        Set<Span> predicted = new HashSet<>();
        boolean goldHasMisc = false;
        long nanos = 0;
        int tokens = 0;
        for (int s = 0; s < sentences.size(); s++) {
            ConllCorpus.Sentence sentence = sentences.get(s);
            tokens += sentence.tokens().size();
            List<String> tags = sentence.tags();
            for (int i = 0; i < tags.size(); i++) {
                if (tags.get(i).startsWith("B-")) {
                    int last = i;
                    while (last + 1 < tags.size() && tags.get(last + 1).startsWith("I-")) {
                        last++;
                    }
                    String type = tags.get(i).substring(2);
                    goldHasMisc |= type.equals("MISC");
                    gold.add(new Span(s, i, last, type));
                }
            }
            String text = sentence.text();
            long t0 = System.nanoTime();
            List<Entity> entities = recognizer.recognize(text, language);
            nanos += System.nanoTime() - t0;
            int[] starts = new int[sentence.tokens().size()];
            int[] ends = new int[starts.length];
            int offset = 0;
            for (int g = 0; g < starts.length; g++) {
                String token = sentence.tokens().get(g);
                starts[g] = offset;
                offset += token.codePointCount(0, token.length());
                ends[g] = offset;
                offset++;
            }
            for (Entity e : entities) {
                int first = -1;
                int last = -1;
                for (int g = 0; g < starts.length; g++) {
                    if (starts[g] < e.end() && e.start() < ends[g]) {
                        first = first < 0 ? g : first;
                        last = g;
                    }
                }
                if (first >= 0) {
                    predicted.add(new Span(s, first, last, e.type()));
                }
            }
        }
        if (!goldHasMisc) {
            predicted.removeIf(span -> span.type().equals("MISC"));
        }
        return new Scores(gold, predicted, tokens, nanos);
    }

    static final class Scores {

        private final Map<String, int[]> counts = new LinkedHashMap<>();  // type -> {true positives, predicted, gold}
        private final Set<Span> gold;
        private final Set<Span> predicted;
        final int tokens;
        final long nanos;

        Scores(Set<Span> gold, Set<Span> predicted, int tokens, long nanos) {
            this.tokens = tokens;
            this.nanos = nanos;
            this.gold = gold;
            this.predicted = predicted;
            for (String type : Gazetteer.TYPES) {
                counts.put(type, new int[3]);
            }
            counts.put("ALL", new int[3]);
            for (Span p : predicted) {
                boolean hit = gold.contains(p);
                for (String key : List.of(p.type(), "ALL")) {
                    counts.get(key)[1]++;
                    counts.get(key)[0] += hit ? 1 : 0;
                }
            }
            for (Span g : gold) {
                counts.get(g.type())[2]++;
                counts.get("ALL")[2]++;
            }
            if (counts.get("MISC")[2] == 0) {
                counts.remove("MISC");
            }
        }

        void printErrors(List<ConllCorpus.Sentence> sentences) {
            predicted.stream().filter(p -> !gold.contains(p)).forEach(p -> System.out.println("FP " + p.type() + " "
                    + String.join(" ", sentences.get(p.sentence()).tokens().subList(p.first(), p.last() + 1))));
            gold.stream().filter(g -> !predicted.contains(g)).forEach(g -> System.out.println("FN " + g.type() + " "
                    + String.join(" ", sentences.get(g.sentence()).tokens().subList(g.first(), g.last() + 1))));
        }

        double precision(String type) {
            int[] c = counts.get(type);
            return c[1] == 0 ? 0 : (double) c[0] / c[1];
        }

        double recall(String type) {
            int[] c = counts.get(type);
            return c[2] == 0 ? 0 : (double) c[0] / c[2];
        }

        double f1(String type) {
            double p = precision(type);
            double r = recall(type);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String report() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-13s %9s %9s %9s %6s %6s %6s%n", "type",
                    "precision", "recall", "f1", "tp", "pred", "gold"));
            counts.forEach((type, c) -> out.append(String.format(Locale.ROOT, "%-13s %9.4f %9.4f %9.4f %6d %6d %6d%n",
                    type, precision(type), recall(type), f1(type), c[0], c[1], c[2])));
            out.append(String.format(Locale.ROOT, "%.0f tokens/s", tokensPerSecond()));
            return out.toString();
        }

        double tokensPerSecond() {
            return nanos == 0 ? 0 : tokens / (nanos / 1e9);
        }

        String json(String language, int sentences) {
            StringBuilder perType = new StringBuilder();
            for (String type : counts.keySet()) {
                if (type.equals("ALL")) {
                    continue;
                }
                perType.append(perType.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                        "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f}", type, precision(type), recall(type),
                        f1(type)));
            }
            return String.format(Locale.ROOT, "{\"task\":\"ner\",\"lang\":\"%s\",\"sentences\":%d,\"precision\":%.4f,"
                            + "\"recall\":%.4f,\"f1\":%.4f,\"per_type\":{%s},\"tokens_per_second\":%.0f}", language, sentences,
                    precision("ALL"), recall("ALL"), f1("ALL"), perType, tokensPerSecond());
        }
    }
}
