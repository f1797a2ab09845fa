package dev.khabar.enrich.entity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A first-order linear-chain tagger over BIO tags with hashed features: tag 0 is O, then B and I of each entity type.
 * Emission weights are indexed {@code bucket * tags + tag}; transitions {@code (previous + 1) * tags + tag}, row 0 being
 * the sentence start. Language-independent: the feature extractor decides what the buckets mean.
 */
final class SequenceModel {

    static final float IMPOSSIBLE = -1e30f;

    final int types;
    final int tags;
    final int bits;
    final float[] weights;
    final float[] transitions;

    SequenceModel(int types, int bits, float[] weights, float[] transitions) {
        this.types = types;
        this.tags = 1 + 2 * types;
        this.bits = bits;
        this.weights = weights;
        this.transitions = transitions;
    }

    static int begin(int type) {
        return 1 + 2 * type;
    }

    static int inside(int type) {
        return 2 + 2 * type;
    }

    /** Entity type of a tag, or -1 for O. */
    static int typeOf(int tag) {
        return tag == 0 ? -1 : (tag - 1) / 2;
    }

    static boolean isBegin(int tag) {
        return tag > 0 && tag % 2 == 1;
    }

    /** BIO constraint: I-X only after B-X or I-X; {@code previous} -1 is the sentence start. */
    static boolean allowed(int previous, int tag) {
        if (tag == 0 || isBegin(tag)) {
            return true;
        }
        return previous > 0 && typeOf(previous) == typeOf(tag);
    }

    float[][] emissions(int[][] features) {
        float[][] scores = new float[features.length][tags];
        for (int i = 0; i < features.length; i++) {
            float[] row = scores[i];
            for (int f : features[i]) {
                int base = f * tags;
                for (int t = 0; t < tags; t++) {
                    row[t] += weights[base + t];
                }
            }
        }
        return scores;
    }

    float transition(int previous, int tag) {
        return allowed(previous, tag) ? transitions[(previous + 1) * tags + tag] : IMPOSSIBLE;
    }

    int[] decode(float[][] emissions) {
        int n = emissions.length;
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        float[][] best = new float[n][tags];
        int[][] back = new int[n][tags];
        for (int t = 0; t < tags; t++) {
            best[0][t] = transition(-1, t) + emissions[0][t];
        }
        for (int i = 1; i < n; i++) {
            for (int t = 0; t < tags; t++) {
                float max = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < tags; p++) {
                    float s = best[i - 1][p] + transition(p, t);
                    if (s > max) {
                        max = s;
                        arg = p;
                    }
                }
                best[i][t] = max + emissions[i][t];
                back[i][t] = arg;
            }
        }
        int arg = 0;
        for (int t = 1; t < tags; t++) {
            if (best[n - 1][t] > best[n - 1][arg]) {
                arg = t;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            path[i] = arg;
            arg = back[i][arg];
        }
        return path;
    }

    /** One entity span of a decoded path: tokens {@code first..last}, its type, and its weakest token's confidence. */
    record Chunk(int first, int last, int type, double confidence) {
    }

    /** The spans of a decoded {@code path} (a B or I tag starts a span, following I tags of its type extend it). */
    List<Chunk> chunks(float[][] emissions, int[] path, double temperature) {
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < path.length) {
            if (path[i] == 0) {
                i++;
                continue;
            }
            int type = typeOf(path[i]);
            int last = i;
            while (last + 1 < path.length && path[last + 1] == inside(type)) {
                last++;
            }
            double confidence = 1;
            for (int k = i; k <= last; k++) {
                confidence = Math.min(confidence, confidence(emissions, path, k, temperature));
            }
            chunks.add(new Chunk(i, last, type, confidence));
            i = last + 1;
        }
        return chunks;
    }

    /**
     * Probability of the chosen tag at {@code i} against the other tags, its neighbours' tags held fixed: a cheap local
     * confidence (scores divided by {@code temperature} read as log-potentials; not calibrated).
     */
    double confidence(float[][] emissions, int[] path, int i, double temperature) {
        double[] scores = new double[tags];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < tags; t++) {
            scores[t] = (transition(i == 0 ? -1 : path[i - 1], t) + emissions[i][t]
                    + (i + 1 < path.length ? transition(t, path[i + 1]) : 0)) / temperature;
            max = Math.max(max, scores[t]);
        }
        double sum = 0;
        for (int t = 0; t < tags; t++) {
            sum += Math.exp(scores[t] - max);
        }
        return Math.exp(scores[path[i]] - max) / sum;
    }

    /** Weights as 16-bit integers with one scale: a quarter of the size, and no measurable loss. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(types);
        out.writeInt(bits);
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / Short.MAX_VALUE;
        out.writeFloat(scale);
        byte[] buffer = new byte[weights.length * 2];
        for (int i = 0; i < weights.length; i++) {
            int q = Math.round(weights[i] / scale);
            buffer[2 * i] = (byte) (q >> 8);
            buffer[2 * i + 1] = (byte) q;
        }
        out.write(buffer);
        out.writeInt(transitions.length);
        for (float t : transitions) {
            out.writeFloat(t);
        }
    }

    static SequenceModel read(DataInputStream in) throws IOException {
        int types = in.readInt();
        int bits = in.readInt();
        int tags = 1 + 2 * types;
        float scale = in.readFloat();
        float[] weights = new float[(1 << bits) * tags];
        byte[] buffer = new byte[weights.length * 2];
        in.readFully(buffer);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (short) ((buffer[2 * i] << 8) | (buffer[2 * i + 1] & 0xff)) * scale;
        }
        float[] transitions = new float[in.readInt()];
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] = in.readFloat();
        }
        return new SequenceModel(types, bits, weights, transitions);
    }
}
