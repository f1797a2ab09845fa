package dev.khabar.enrich.entity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code train ner --lang en|fr --sets TABLE --data-dir DIR [--stage tune|final] [--roles name=role,...] [--epochs 10]
 * [--runs 1] [--bits 20] [--seed 7] [--clusters 64,512] [--o-bias 0] [--scheme bio|bilou] [--dropout 0]
 * [--names SET,...|all] [--labelled-share 1] [--swaps 0] [--context none|e5] [--dense-rate 1] [--reach 0] [--version V]
 * --out FILE}: trains an English or French
 * tagger on the sets of {@link NerDataSets}: their training parts at stage {@code tune}, training and tuning parts at
 * stage {@code final}; held-out parts never. {@code --names} learns a name list ({@link NameLists}) from the labels of the sets named (or
 * of every set read), bundled with the model and read by the features. {@code --labelled-share} keeps the first share
 * ({@code 1/2}) of each labelled set's sentences, for learning curves; {@code --swaps} adds that many
 * {@link MentionSwaps} copies of each labelled sentence with a name (an experiment: it lost on the tuning parts);
 * {@code --context e5} gives every token its vector from the bundled encoder ({@link ContextVectors#standard()}), read by
 * dense weights beside the hashed features ({@code --dense-rate} scales their updates; {@code --reach} neighbours on
 * each side lend their vectors too).
 */
final class LatinTraining {

    private static final Logger LOG = LoggerFactory.getLogger(LatinTraining.class);

    /** The first {@code share} (0 to 1) of {@code sentences}, rounded to the nearest sentence. */
    static <T> List<T> firstShare(List<T> sentences, double share) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("--labelled-share must be in (0, 1], not " + share);
        }
        return sentences.subList(0, (int) Math.round(sentences.size() * share));
    }

    /**
     * Labelled sentences of one set, with the domain whose feature copies they train ({@code null}: none); {@code
     * swapped}: made by {@link MentionSwaps}, so not evidence of how often a name is tagged.
     */
    record Labelled(List<ConllCorpus.Sentence> sentences, String domain, int copies, boolean swapped) {

        Labelled(List<ConllCorpus.Sentence> sentences, String domain, int copies) {
            this(sentences, domain, copies, false);
        }
    }

    private LatinTraining() {
    }

    static int run(Options options, String language) throws IOException {
        long started = System.nanoTime();
        NerDataSets sets = NerDataSets.read(Path.of(options.require("sets")), Path.of(options.require("data-dir")),
                options.get("roles", null));
        boolean finalStage = options.get("stage", "final").equals("final");
        List<Labelled> labelled = new ArrayList<>();
        List<ConllCorpus.Sentence> unlabelled = new ArrayList<>();
        Set<String> nameSets = new HashSet<>(Arrays.asList(options.get("names", "").split(",")));
        List<ConllCorpus.Sentence> nameSource = new ArrayList<>();
        // a learning curve: the first share of each labelled set's training sentences (text-only sets whole)
        double share = ConllCorpus.fraction(options.get("labelled-share", "1"));
        for (NerDataSets.DataSet set : sets.sets()) {
            if (set.role().equals("off")) {
                continue;
            }
            List<ConllCorpus.Sentence> sentences = set.read(NerDataSets.Part.TRAIN, finalStage);
            if (!set.role().equals("text")) {
                sentences = firstShare(sentences, share);
            }
            unlabelled.addAll(sentences);
            if (nameSets.contains(set.name()) || nameSets.contains("all")) {
                nameSource.addAll(sentences);
            }
            if (!set.role().equals("text")) {
                labelled.add(new Labelled(sentences, set.role().equals("adapt") ? set.name() : null, set.copies()));
            }
            LOG.info("{}: {} sentences as {} x{}", set.name(), sentences.size(), set.role(), set.copies());
        }
        NameLists names = nameSource.isEmpty() ? NameLists.NONE : NameLists.of(nameSource);
        LOG.info("name list: {} names from {} sentences", names.all().size(), nameSource.size());
        int swaps = options.integer("swaps", 0);
        if (swaps > 0) {
            labelled = withSwaps(labelled, names, swaps, options.integer("seed", 7));
        }
        String version = options.get("version", "ner-" + language + "-perceptron-" + LocalDate.now());
        ContextVectors context = switch (options.get("context", "none")) {
            case "none" -> null;
            case "e5" -> ContextVectors.standard();
            default -> throw new IllegalArgumentException("--context must be none or e5, not "
                    + options.get("context", ""));
        };
        int reach = options.integer("reach", 0);
        if (reach < 0) {
            throw new IllegalArgumentException("--reach must be 0 or more, not " + reach);
        }
        NerModel model = train(language, labelled, unlabelled, Gazetteer.standard(), names, options.integer("bits", 20),
                options.integer("epochs", 10), options.integer("runs", 1), options.integer("seed", 7),
                clusterSizes(options.get("clusters", "64,512")), Float.parseFloat(options.get("o-bias", "0")),
                NerTraining.scheme(options.get("scheme", "bio")), Double.parseDouble(options.get("dropout", "0")), version,
                context, Float.parseFloat(options.get("dense-rate", "1")), reach);
        Path out = Path.of(options.require("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        int count = labelled.stream().mapToInt(l -> l.sentences().size() * l.copies()).sum();
        System.out.printf(Locale.ROOT, "trained %s on %d sentences (%d for word classes) in %.1f s -> %s (%d bytes)%n",
                version, count, unlabelled.size(), (System.nanoTime() - started) / 1e9, out, Files.size(out));
        return 0;
    }

    /**
     * The sets and, after each, its {@code swaps} swapped copies ({@link MentionSwaps}); names are drawn within the set
     * and within the half of the name list the sentence fed, and a copy reads the half its source reads.
     */
    private static List<Labelled> withSwaps(List<Labelled> labelled, NameLists names, int swaps, long seed) {
        List<Labelled> all = new ArrayList<>();
        for (Labelled set : labelled) {
            all.add(set);
            all.add(new Labelled(MentionSwaps.of(set.sentences(), swaps, seed, names), set.domain(), set.copies(), true));
        }
        return all;
    }

    private static int[] clusterSizes(String value) {
        return value.isBlank() || value.equals("none") ? new int[0]
                : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Trains a model: lexicon (word counts, and how often each is capitalised away from the sentence start) and word
     * classes from {@code unlabelled}, tagger weights from {@code labelled}.
     */
    static NerModel train(String language, List<Labelled> labelled, List<ConllCorpus.Sentence> unlabelled,
                          Gazetteer gazetteer, NameLists names, int bits, int epochs, int runs, long seed,
                          int[] clusterSizes, float outsideBias, int width, double dropout, String version) {
        return train(language, labelled, unlabelled, gazetteer, names, bits, epochs, runs, seed, clusterSizes, outsideBias,
                width, dropout, version, null, 1, 0);
    }

    static NerModel train(String language, List<Labelled> labelled, List<ConllCorpus.Sentence> unlabelled,
                          Gazetteer gazetteer, NameLists names, int bits, int epochs, int runs, long seed,
                          int[] clusterSizes, float outsideBias, int width, double dropout, String version,
                          ContextVectors context, float denseRate, int reach) {
        List<List<Token>> texts = unlabelled.stream().map(s -> Tokenizer.tokenize(s.text())).toList();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> capitalised = new HashMap<>();
        for (List<Token> tokens : texts) {
            for (int i = 0; i < tokens.size(); i++) {
                String text = tokens.get(i).text();
                if (!Character.isLetter(text.codePointAt(0))) {
                    continue;
                }
                String lower = text.toLowerCase(Locale.ROOT);
                counts.merge(lower, 1, Integer::sum);
                if (i > 0 && Character.isUpperCase(text.codePointAt(0))
                        && Character.isLetterOrDigit(tokens.get(i - 1).text().codePointAt(0))) {
                    capitalised.merge(lower, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> lexicon = new HashMap<>();
        counts.forEach((w, n) -> {
            if (n >= 2) {
                lexicon.put(w, n);
                Integer c = capitalised.get(w);
                if (c != null) {
                    lexicon.put(LatinFeatures.CAPITALISED + w, c);
                }
            }
        });
        WordClusters clusters = WordClusters.NONE;
        if (clusterSizes.length > 0) {
            List<List<String>> forms = texts.stream()
                    .map(tokens -> tokens.stream().map(t -> t.text().toLowerCase(Locale.ROOT)).toList()).toList();
            long t0 = System.nanoTime();
            clusters = WordClusters.derive(forms, 3, 1000, 96, clusterSizes, 8, seed);
            LOG.info("word classes for {} words in {} s", clusters.size(), (System.nanoTime() - t0) / 1_000_000_000);
        }
        WordClusters classes = clusters;
        NameLists.Views<LatinFeatures> features = names.views(list -> new LatinFeatures(gazetteer, list,
                LatinNames.standard(), classes, lexicon, bits));
        List<PerceptronTrainer.Example> examples = new ArrayList<>();
        List<ConllCorpus.Sentence> reliability = new ArrayList<>();
        int mask = (1 << bits) - 1;
        long encoding = 0;
        for (Labelled set : labelled) {
            int salt = set.domain() == null ? 0 : set.domain().hashCode() | 1;
            boolean misc = set.sentences().stream().anyMatch(s -> s.tags().contains("B-MISC"));
            int missing = misc ? -1 : Gazetteer.TYPES.indexOf("MISC");
            if (set.domain() == null && !set.swapped()) {
                reliability.addAll(set.sentences());
            }
            List<List<Token>> tokenized = set.sentences().stream().map(s -> Tokenizer.tokenize(s.text())).toList();
            long t0 = System.nanoTime();
            List<float[][]> vectors = context == null ? null : tokenized.parallelStream()
                    .map(tokens -> context.of(tokens.stream().map(Token::text).toList())).toList();
            encoding += System.nanoTime() - t0;
            for (int k = 0; k < set.sentences().size(); k++) {
                ConllCorpus.Sentence sentence = set.sentences().get(k);
                List<Token> tokens = tokenized.get(k);
                if (tokens.isEmpty()) {
                    continue;
                }
                LatinFeatures own = features.of(sentence);
                int[][] general = own.features(tokens);
                int[][] reduced = dropout > 0 ? own.features(tokens, true) : null;
                PerceptronTrainer.Example example = new PerceptronTrainer.Example(copied(general, salt, mask),
                        NerTraining.tags(sentence, tokens), missing, reduced == null ? null : copied(reduced, salt, mask),
                        vectors == null ? null : vectors.get(k));
                for (int c = 0; c < set.copies(); c++) {
                    examples.add(example);
                }
            }
        }
        LOG.info("{} training sequences ({} s encoding context)", examples.size(), encoding / 1_000_000_000);
        SequenceModel tagger = PerceptronTrainer.train(examples, Gazetteer.TYPES.size(), width, bits, epochs, seed, runs,
                dropout, denseRate, reach);
        return new NerModel(version, language, tagger, lexicon, clusters, outsideBias,
                NerTraining.unreliableNames(reliability, gazetteer), names.all(), context == null ? "" : context.name);
    }

    /** The rows, each followed by a copy of its features keyed by the set's {@code salt} (0: no copies). */
    private static int[][] copied(int[][] general, int salt, int mask) {
        if (salt == 0) {
            return general;
        }
        int[][] used = new int[general.length][];
        for (int i = 0; i < general.length; i++) {
            used[i] = Arrays.copyOf(general[i], 2 * general[i].length);
            for (int j = 0; j < general[i].length; j++) {
                int h = (general[i][j] ^ salt) * 0x9E3779B1;
                used[i][general[i].length + j] = (h ^ h >>> 15) & mask;
            }
        }
        return used;
    }
}
