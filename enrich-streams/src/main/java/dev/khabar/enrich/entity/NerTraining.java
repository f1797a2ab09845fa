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
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code train ner --lang ar --anercorp FILE [--train-from 0] [--train-to 5/6] [--fane DIR] [--news-labels true]
 * [--wiki] [--wiki-text true] [--epochs 10] [--runs 1] [--dropout 0] [--labelled-weight 1] [--bits 20] [--seed 7]
 * [--clusters 64,512] [--o-bias 0] [--type-bias TYPE:B,...] [--scheme bio|bilou] [--names] [--swaps 0] [--version V]
 * --out FILE}: trains the Arabic tagger. ANERcorp sentences outside {@code [--train-from, --train-to)} are never used,
 * and FANE sentences sharing six consecutive words with them are dropped, so held-out and tuning slices stay unseen.
 * FANE labels (NewsFANE, and WikiFANE with {@code --wiki}) train under their own conventions through domain-specific
 * feature copies ({@code --labelled-weight} visits each ANERcorp sentence that many times per epoch); {@code
 * --dropout} is the word-dropout rate of {@link PerceptronTrainer}; {@code --swaps} adds that many {@link
 * MentionSwaps} copies of each ANERcorp sentence with a name. FANE text always feeds the lexicon and word classes. The
 * learner ({@link PerceptronTrainer}, {@link SequenceModel}) is language-independent; only the features are Arabic.
 * {@code --lang en|fr} trains an English or French tagger instead ({@link LatinTraining}).
 */
public final class NerTraining {

    private static final Logger LOG = LoggerFactory.getLogger(NerTraining.class);

    private NerTraining() {
    }

    public static int run(String[] args) throws IOException {
        Options options = new Options(args);
        String language = options.get("lang", "ar");
        if (language.equals("en") || language.equals("fr")) {
            return LatinTraining.run(options, language);
        }
        if (!language.equals("ar")) {
            System.out.println("train ner: only --lang ar, en and fr have training data wired in so far");
            return 2;
        }
        long started = System.nanoTime();
        double from = ConllCorpus.fraction(options.get("train-from", "0"));
        double to = ConllCorpus.fraction(options.get("train-to", "5/6"));
        List<ConllCorpus.Sentence> aner = ConllCorpus.read(Path.of(options.require("anercorp")), ConllCorpus.COARSE);
        List<ConllCorpus.Sentence> labelled = new ArrayList<>(ConllCorpus.slice(aner, from, to));
        List<ConllCorpus.Sentence> excluded = new ArrayList<>(ConllCorpus.slice(aner, 0, from));
        excluded.addAll(ConllCorpus.slice(aner, to, 1));
        List<ConllCorpus.Sentence> unlabelled = new ArrayList<>(labelled);
        Set<String> blocked = ngrams(excluded);
        List<ConllCorpus.Sentence> auxiliary = new ArrayList<>();
        String fane = options.get("fane", null);
        if (fane != null) {
            List<ConllCorpus.Sentence> news = ConllCorpus.read(Path.of(fane, "NewsFANE_Gold_2014_170K.txt"), ConllCorpus.FANE);
            List<ConllCorpus.Sentence> kept = withoutOverlap(news, blocked);
            LOG.info("NewsFANE: {} sentences, {} kept after removing overlap with excluded ANERcorp text", news.size(),
                    kept.size());
            if (options.flag("news-labels", true)) {
                auxiliary.addAll(kept);
            }
            unlabelled.addAll(kept);
            boolean wikiLabels = options.flag("wiki", false);
            boolean wikiText = options.flag("wiki-text", true);
            if (wikiLabels || wikiText) {
                List<ConllCorpus.Sentence> wiki = withoutOverlap(
                        ConllCorpus.read(Path.of(fane, "WikiFANE_Gold_2014_500K.txt.gz"), ConllCorpus.FANE), blocked);
                unlabelled.addAll(wiki);
                if (wikiLabels) {
                    auxiliary.addAll(wiki);
                }
            }
        }
        String version = options.get("version", "ner-ar-perceptron-" + LocalDate.now());
        NerModel model = train(labelled, auxiliary, unlabelled, Gazetteer.standard(), options.integer("bits", 20),
                options.integer("epochs", 10), options.integer("runs", 1), options.integer("seed", 7),
                clusterSizes(options.get("clusters", "64,512")), Float.parseFloat(options.get("o-bias", "0")),
                Double.parseDouble(options.get("dropout", "0")), options.integer("labelled-weight", 1),
                scheme(options.get("scheme", "bio")), options.flag("names", false), options.integer("swaps", 0),
                version);
        String typeBias = options.get("type-bias", null);
        model = typeBias == null ? model : model.withTypeBias(NerModel.parseTypeBias(typeBias));
        Path out = Path.of(options.require("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        System.out.printf("trained %s on %d sentences (%d unlabelled for word classes) in %.1f s -> %s (%d bytes)%n",
                version, labelled.size() + auxiliary.size(), unlabelled.size(), (System.nanoTime() - started) / 1e9, out,
                Files.size(out));
        return 0;
    }

    /** Tags per entity type of {@code --scheme bio|bilou}. */
    static int scheme(String value) {
        return switch (value) {
            case "bio" -> SequenceModel.BIO;
            case "bilou" -> SequenceModel.BILOU;
            default -> throw new IllegalArgumentException("--scheme must be bio or bilou, not '" + value + "'");
        };
    }

    private static int[] clusterSizes(String value) {
        return value.isBlank() || value.equals("none") ? new int[0]
                : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Trains a model: lexicon and word classes from {@code unlabelled}, tagger weights from {@code labelled} and
     * {@code auxiliary} (labelled under other conventions: each of its features also gets a copy of its own, which
     * absorbs what is peculiar to those conventions and is never seen at test time).
     */
    static NerModel train(List<ConllCorpus.Sentence> labelled, List<ConllCorpus.Sentence> auxiliary,
                          List<ConllCorpus.Sentence> unlabelled, Gazetteer gazetteer,
                          int bits, int epochs, int runs, long seed, int[] clusterSizes, float outsideBias,
                          double dropout, int labelledWeight, int width, boolean nameList, int swaps,
                          String version) {
        List<List<Token>> texts = unlabelled.stream().map(s -> Tokenizer.tokenize(s.text())).toList();
        Map<String, Integer> counts = new HashMap<>();
        texts.forEach(tokens -> tokens.forEach(t -> counts.merge(t.norm(), 1, Integer::sum)));
        Map<String, Integer> lexicon = new HashMap<>();
        counts.forEach((w, n) -> {
            if (n >= 2 && !w.isEmpty() && Tokenizer.isWordPart(w.codePointAt(0))) {
                lexicon.put(w, n);
            }
        });
        Clitics clitics = new Clitics(ModelRecognizer.lexicon(lexicon, gazetteer));
        WordClusters clusters = WordClusters.NONE;
        if (clusterSizes.length > 0) {
            List<List<String>> forms = texts.stream()
                    .map(tokens -> tokens.stream().map(t -> clitics.split(t.norm()).rest()).toList()).toList();
            long t0 = System.nanoTime();
            clusters = WordClusters.derive(forms, 3, 1000, 96, clusterSizes, 8, seed);
            LOG.info("word classes for {} words in {} s", clusters.size(), (System.nanoTime() - t0) / 1_000_000_000);
        }
        List<ConllCorpus.Sentence> named = new ArrayList<>(labelled);
        named.addAll(auxiliary);
        NameLists names = nameList ? NameLists.of(named) : NameLists.NONE;
        LOG.info("name list: {} names", names.all().size());
        WordClusters classes = clusters;
        NameLists.Views<ArabicFeatures> features = names.views(list -> new ArabicFeatures(gazetteer, list, clitics,
                classes, bits));
        List<ConllCorpus.Sentence> trained = new ArrayList<>(labelled);
        trained.addAll(MentionSwaps.of(labelled, swaps, seed, names));
        List<PerceptronTrainer.Example> examples = new ArrayList<>();
        for (ConllCorpus.Sentence sentence : trained) {
            List<Token> tokens = Tokenizer.tokenize(sentence.text());
            if (!tokens.isEmpty()) {
                int[][] general = features.of(sentence).analyse(tokens).features();
                PerceptronTrainer.Example example = new PerceptronTrainer.Example(general, tags(sentence, tokens),
                        withoutWord(general));
                for (int copy = 0; copy < labelledWeight; copy++) {
                    examples.add(example);
                }
            }
        }
        int mask = (1 << bits) - 1;
        for (ConllCorpus.Sentence sentence : auxiliary) {
            List<Token> tokens = Tokenizer.tokenize(sentence.text());
            if (tokens.isEmpty()) {
                continue;
            }
            int[][] general = features.of(sentence).analyse(tokens).features();
            examples.add(new PerceptronTrainer.Example(augmented(general, mask), tags(sentence, tokens),
                    augmented(withoutWord(general), mask)));
        }
        SequenceModel tagger = PerceptronTrainer.train(examples, Gazetteer.TYPES.size(), width, bits, epochs, seed, runs,
                dropout);
        return new NerModel(version, "ar", tagger, lexicon, clusters, outsideBias, unreliableNames(labelled, gazetteer),
                names.all(), "");
    }

    /** Each row followed by a domain-specific copy of each of its features. */
    private static int[][] augmented(int[][] general, int mask) {
        int[][] augmented = new int[general.length][];
        for (int i = 0; i < general.length; i++) {
            augmented[i] = Arrays.copyOf(general[i], 2 * general[i].length);
            for (int j = 0; j < general[i].length; j++) {
                augmented[i][general[i].length + j] = (general[i][j] * 0x9E3779B1 + 0x7F4A7C15) >>> 7 & mask;
            }
        }
        return augmented;
    }

    /** The rows without the features of the word itself (positions 1 to {@link ArabicFeatures#LEXICAL}). */
    private static int[][] withoutWord(int[][] rows) {
        int[][] reduced = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int[] row = rows[i];
            reduced[i] = new int[row.length - ArabicFeatures.LEXICAL];
            reduced[i][0] = row[0];
            System.arraycopy(row, 1 + ArabicFeatures.LEXICAL, reduced[i], 1, row.length - 1 - ArabicFeatures.LEXICAL);
        }
        return reduced;
    }

    /** Gazetteer names that the labelled data tags as that entity less than half the time they occur. */
    static Set<String> unreliableNames(List<ConllCorpus.Sentence> labelled, Gazetteer gazetteer) {
        Map<String, int[]> seen = new HashMap<>();
        for (ConllCorpus.Sentence sentence : labelled) {
            List<Token> tokens = Tokenizer.tokenize(sentence.text());
            int[] tags = tags(sentence, tokens);
            for (Gazetteer.Match m : gazetteer.matches(tokens)) {
                boolean hit = tags[m.first()] == SequenceModel.begin(m.type())
                        && (m.last() + 1 >= tags.length || tags[m.last() + 1] != SequenceModel.inside(m.type()));
                for (int k = m.first() + 1; k <= m.last() && hit; k++) {
                    hit = tags[k] == SequenceModel.inside(m.type());
                }
                int[] counts = seen.computeIfAbsent(Gazetteer.key(tokens, m), k -> new int[2]);
                counts[0]++;
                counts[1] += hit ? 1 : 0;
            }
        }
        Set<String> unreliable = new HashSet<>();
        seen.forEach((name, c) -> {
            if (2 * c[1] < c[0]) {
                unreliable.add(name);
            }
        });
        LOG.info("{} of {} gazetteer names seen in training are mostly not tagged as such", unreliable.size(), seen.size());
        return unreliable;
    }

    /** Gold tags of our own tokens of the sentence text: each takes its gold token's type; B only on the first. */
    static int[] tags(ConllCorpus.Sentence sentence, List<Token> tokens) {
        int[] goldIndex = goldTokenIndex(sentence, tokens);
        int[] tags = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String gold = sentence.tags().get(goldIndex[i]);
            if (gold.equals("O")) {
                continue;
            }
            int type = Gazetteer.TYPES.indexOf(gold.substring(2));
            boolean firstPiece = i == 0 || goldIndex[i - 1] != goldIndex[i];
            boolean begin = gold.startsWith("B-") && firstPiece;
            boolean continues = i > 0 && tags[i - 1] != 0 && SequenceModel.typeOf(tags[i - 1]) == type;
            tags[i] = begin || !continues ? SequenceModel.begin(type) : SequenceModel.inside(type);
        }
        return tags;
    }

    /** For each of our tokens, the index of the gold token (of the space-joined text) it lies in. */
    static int[] goldTokenIndex(ConllCorpus.Sentence sentence, List<Token> tokens) {
        int[] goldEnd = new int[sentence.tokens().size()];
        int offset = 0;
        for (int g = 0; g < goldEnd.length; g++) {
            String token = sentence.tokens().get(g);
            offset += token.codePointCount(0, token.length());
            goldEnd[g] = offset;
            offset++;
        }
        int[] index = new int[tokens.size()];
        int g = 0;
        for (int i = 0; i < tokens.size(); i++) {
            while (g < goldEnd.length - 1 && tokens.get(i).start() >= goldEnd[g]) {
                g++;
            }
            index[i] = g;
        }
        return index;
    }

    private static Set<String> ngrams(List<ConllCorpus.Sentence> sentences) {
        Set<String> grams = new HashSet<>();
        sentences.forEach(s -> grams.addAll(ngrams(s)));
        return grams;
    }

    private static List<String> ngrams(ConllCorpus.Sentence sentence) {
        List<String> words = Tokenizer.tokenize(sentence.text()).stream().map(Token::norm)
                .filter(w -> !w.isEmpty() && Tokenizer.isWordPart(w.codePointAt(0))).toList();
        List<String> grams = new ArrayList<>();
        if (words.size() < 6) {
            grams.add(String.join(" ", words));
        }
        for (int i = 0; i + 6 <= words.size(); i++) {
            grams.add(String.join(" ", words.subList(i, i + 6)));
        }
        return grams;
    }

    private static List<ConllCorpus.Sentence> withoutOverlap(List<ConllCorpus.Sentence> sentences, Set<String> blocked) {
        List<ConllCorpus.Sentence> kept = new ArrayList<>();
        for (ConllCorpus.Sentence s : sentences) {
            if (ngrams(s).stream().noneMatch(blocked::contains)) {
                kept.add(s);
            }
        }
        return kept;
    }
}
