package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Averaged structured perceptron (Collins 2002) with Viterbi decoding, over hashed features. */
final class PerceptronTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(PerceptronTrainer.class);

    /**
     * One training sequence: feature buckets per token and gold tags. {@code unlabelledType} is an entity type the
     * sequence's corpus does not annotate (-1: none): a predicted mention of that type lying wholly on O tokens is then
     * taken as right, not punished (partial labels: a PER/ORG/LOC corpus says nothing about MISC). {@code withoutWord}
     * holds the same rows without the features of the word itself (used by word dropout), or is null; {@code vectors}
     * one dense vector per token ({@link ContextVectors}), or null.
     */
    record Example(int[][] features, int[] tags, int unlabelledType, int[][] withoutWord, float[][] vectors) {

        Example(int[][] features, int[] tags, int unlabelledType, int[][] withoutWord) {
            this(features, tags, unlabelledType, withoutWord, null);
        }

        Example(int[][] features, int[] tags) {
            this(features, tags, -1, null);
        }

        Example(int[][] features, int[] tags, int unlabelledType) {
            this(features, tags, unlabelledType, null);
        }

        Example(int[][] features, int[] tags, int[][] withoutWord) {
            this(features, tags, -1, withoutWord);
        }
    }

    /** The gold tags with every predicted mention of {@code type} that lies wholly on gold O tokens accepted. */
    static int[] relaxed(int[] gold, int[] predicted, int type) {
        int[] out = gold;
        int i = 0;
        while (i < predicted.length) {
            if (SequenceModel.typeOf(predicted[i]) != type || !SequenceModel.isBegin(predicted[i])) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < predicted.length && predicted[last + 1] == SequenceModel.inside(type)) {
                last++;
            }
            boolean free = last + 1 >= gold.length || gold[last + 1] == 0 || SequenceModel.isBegin(gold[last + 1]);
            for (int k = i; k <= last && free; k++) {
                free = gold[k] == 0;
            }
            if (free) {
                out = out == gold ? gold.clone() : out;
                System.arraycopy(predicted, i, out, i, last - i + 1);
            }
            i = last + 1;
        }
        return out;
    }

    private PerceptronTrainer() {
    }

    /**
     * Averages the weights of {@code runs} perceptrons trained on different shuffles (steadier than any one of them),
     * with word dropout: each token of a training sequence loses the features of its own word with probability
     * {@code dropout} at each visit, so the tagger learns to recognise names from their context and word class too.
     * {@code width} is the tag scheme the model learns in ({@link SequenceModel#BIO} or {@link SequenceModel#BILOU});
     * examples always carry BIO tags.
     */
    static SequenceModel train(List<Example> examples, int types, int width, int bits, int epochs, long seed, int runs,
                               double dropout) {
        return train(examples, types, width, bits, epochs, seed, runs, dropout, 1, 0);
    }

    /**
     * As above; {@code denseRate} scales the updates of the dense weights (the vectors are unit length), and a token's
     * scores read the vectors of {@code reach} neighbours on each side besides its own.
     */
    static SequenceModel train(List<Example> examples, int types, int width, int bits, int epochs, long seed, int runs,
                               double dropout, float denseRate, int reach) {
        SequenceModel sum = train(examples, types, width, bits, epochs, seed, dropout, denseRate, reach);
        for (int run = 1; run < runs; run++) {
            SequenceModel next = train(examples, types, width, bits, epochs, seed + run, dropout, denseRate, reach);
            for (int i = 0; i < sum.weights.length; i++) {
                sum.weights[i] += next.weights[i];
            }
            for (int i = 0; i < sum.dense.length; i++) {
                sum.dense[i] += next.dense[i];
            }
            for (int i = 0; i < sum.transitions.length; i++) {
                sum.transitions[i] += next.transitions[i];
            }
        }
        for (int i = 0; i < sum.weights.length; i++) {
            sum.weights[i] /= runs;
        }
        for (int i = 0; i < sum.transitions.length; i++) {
            sum.transitions[i] /= runs;
        }
        for (int i = 0; i < sum.dense.length; i++) {
            sum.dense[i] /= runs;
        }
        return sum;
    }

    static SequenceModel train(List<Example> examples, int types, int width, int bits, int epochs, long seed,
                               double dropout) {
        return train(examples, types, width, bits, epochs, seed, dropout, 1, 0);
    }

    private static SequenceModel train(List<Example> examples, int types, int width, int bits, int epochs, long seed,
                                       double dropout, float denseRate, int reach) {
        int tags = 1 + width * types;
        float[] w = new float[(1 << bits) * tags];
        float[] u = new float[w.length];
        float[] tw = new float[(tags + 1) * tags];
        float[] tu = new float[tw.length];
        int dimensions = examples.stream().filter(e -> e.vectors() != null && e.vectors().length > 0).findFirst()
                .map(e -> e.vectors()[0].length).orElse(0);
        float[] dw = new float[(2 * reach + 1) * dimensions * tags];
        float[] du = new float[dw.length];
        SequenceModel current = new SequenceModel(types, width, bits, w, tw, dimensions, reach, dw);
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(seed);
        long c = 1;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Collections.shuffle(order, random);
            int errors = 0;
            int tokens = 0;
            for (Example example : order) {
                int[][] features = example.features();
                if (dropout > 0 && example.withoutWord() != null) {
                    features = features.clone();
                    for (int i = 0; i < features.length; i++) {
                        if (random.nextDouble() < dropout) {
                            features[i] = example.withoutWord()[i];
                        }
                    }
                }
                float[][] vectors = example.vectors();
                int[] predicted = current.decodeOwn(current.emissions(features, vectors));
                int[] gold = current.fromBio(example.unlabelledType() < 0 ? example.tags()
                        : relaxed(example.tags(), current.toBio(predicted), example.unlabelledType()));
                tokens += gold.length;
                for (int i = 0; i < gold.length; i++) {
                    int prevGold = i == 0 ? -1 : gold[i - 1];
                    int prevPred = i == 0 ? -1 : predicted[i - 1];
                    if (gold[i] != predicted[i]) {
                        errors++;
                        for (int f : features[i]) {
                            int base = f * tags;
                            w[base + gold[i]] += 1;
                            u[base + gold[i]] += c;
                            w[base + predicted[i]] -= 1;
                            u[base + predicted[i]] -= c;
                        }
                        if (dimensions > 0 && vectors != null) {
                            for (int k = Math.max(0, i - reach); k <= Math.min(gold.length - 1, i + reach); k++) {
                                int g = current.denseBase(k - i, gold[i]);
                                int p = current.denseBase(k - i, predicted[i]);
                                for (int d = 0; d < dimensions; d++) {
                                    float x = denseRate * vectors[k][d];
                                    dw[g + d] += x;
                                    du[g + d] += c * x;
                                    dw[p + d] -= x;
                                    du[p + d] -= c * x;
                                }
                            }
                        }
                    }
                    if (gold[i] != predicted[i] || prevGold != prevPred) {
                        int g = (prevGold + 1) * tags + gold[i];
                        int p = (prevPred + 1) * tags + predicted[i];
                        tw[g] += 1;
                        tu[g] += c;
                        tw[p] -= 1;
                        tu[p] -= c;
                    }
                }
                c++;
            }
            LOG.info("epoch {}: {} token errors in {} tokens", epoch, errors, tokens);
        }
        float[] averaged = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            averaged[i] = w[i] - u[i] / c;
        }
        float[] averagedTransitions = new float[tw.length];
        for (int i = 0; i < tw.length; i++) {
            averagedTransitions[i] = tw[i] - tu[i] / c;
        }
        float[] averagedDense = new float[dw.length];
        for (int i = 0; i < dw.length; i++) {
            averagedDense[i] = dw[i] - du[i] / c;
        }
        return new SequenceModel(types, width, bits, averaged, averagedTransitions, dimensions, reach, averagedDense);
    }
}
