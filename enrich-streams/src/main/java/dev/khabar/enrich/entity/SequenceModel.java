package dev.khabar.enrich.entity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A first-order linear-chain tagger with hashed features. Callers see paths of BIO tags: 0 is O, then B and I of each
 * entity type ({@link #begin}, {@link #inside}). Inside, a model may tag in the finer BILOU scheme (B, I, L(ast) and
 * U(nit) per type; {@link #BILOU}), which lets the weights tell a name's last word and one-word names apart; its paths
 * are turned into BIO on the way out. Emission weights are indexed {@code bucket * tags + tag} over the model's own
 * tags; transitions {@code (previous + 1) * tags + tag}, row 0 being the sentence start. Language-independent: the
 * feature extractor decides what the buckets mean.
 */
final class SequenceModel {

    static final float IMPOSSIBLE = -1e30f;

    /** Tags per entity type: B and I. */
    static final int BIO = 2;
    /** Tags per entity type: B, I, L and U. */
    static final int BILOU = 4;

    private static final int B = 0;
    private static final int I = 1;
    private static final int L = 2;
    private static final int U = 3;

    final int types;
    /** Tags per entity type, {@link #BIO} or {@link #BILOU}. */
    final int width;
    final int tags;
    final int bits;
    final float[] weights;
    final float[] transitions;
    /** Length of the dense vector each token may carry ({@link ContextVectors}); 0: none. */
    final int dimensions;
    /** Neighbours on each side whose vectors a token's scores also read (0: its own vector only). */
    final int reach;
    /**
     * Weights of the dense vectors, indexed {@code ((offset + reach) * tags + tag) * dimensions + d} for the vector of
     * the token at {@code offset} (-reach to reach) from the one scored.
     */
    final float[] dense;

    SequenceModel(int types, int width, int bits, float[] weights, float[] transitions) {
        this(types, width, bits, weights, transitions, 0, new float[0]);
    }

    SequenceModel(int types, int width, int bits, float[] weights, float[] transitions, int dimensions, float[] dense) {
        this(types, width, bits, weights, transitions, dimensions, 0, dense);
    }

    SequenceModel(int types, int width, int bits, float[] weights, float[] transitions, int dimensions, int reach,
                  float[] dense) {
        if (width != BIO && width != BILOU) {
            throw new IllegalArgumentException("tags per type must be " + BIO + " or " + BILOU + ", not " + width);
        }
        this.types = types;
        this.width = width;
        this.tags = 1 + width * types;
        this.bits = bits;
        this.weights = weights;
        this.transitions = transitions;
        this.dimensions = dimensions;
        this.reach = reach;
        this.dense = dense;
        if (dense.length != (2 * reach + 1) * tags * dimensions) {
            throw new IllegalArgumentException(dense.length + " dense weights for " + dimensions + " dimensions, "
                    + tags + " tags and reach " + reach);
        }
    }

    /** BIO tag B of {@code type}. */
    static int begin(int type) {
        return 1 + 2 * type;
    }

    /** BIO tag I of {@code type}. */
    static int inside(int type) {
        return 2 + 2 * type;
    }

    /** Entity type of a BIO tag, or -1 for O. */
    static int typeOf(int tag) {
        return tag == 0 ? -1 : (tag - 1) / 2;
    }

    static boolean isBegin(int tag) {
        return tag > 0 && tag % 2 == 1;
    }

    /** Entity type of one of this model's own tags, or -1 for O. */
    int tagType(int tag) {
        return tag == 0 ? -1 : (tag - 1) / width;
    }

    private int role(int tag) {
        return (tag - 1) % width;
    }

    private int tag(int type, int role) {
        return 1 + width * type + role;
    }

    /** Whether the model's tag {@code tag} may follow {@code previous} (-1: the sentence start). */
    boolean allowed(int previous, int tag) {
        boolean open = previous > 0 && (width == BIO || role(previous) == B || role(previous) == I);
        if (width == BIO) {
            return tag == 0 || role(tag) == B || open && tagType(previous) == tagType(tag);
        }
        if (open) {
            return tag > 0 && tagType(tag) == tagType(previous) && (role(tag) == I || role(tag) == L);
        }
        return tag == 0 || role(tag) == B || role(tag) == U;
    }

    /** Whether a sentence may end on the model's tag {@code tag} (BILOU: not inside an unfinished name). */
    private boolean canEnd(int tag) {
        return width == BIO || tag == 0 || role(tag) == L || role(tag) == U;
    }

    /** A BIO path in the model's own tags (a stray I starts a name, as B would). */
    int[] fromBio(int[] bio) {
        if (width == BIO) {
            return bio;
        }
        int[] own = new int[bio.length];
        for (int i = 0; i < bio.length; i++) {
            int type = typeOf(bio[i]);
            if (type < 0) {
                continue;
            }
            boolean starts = isBegin(bio[i]) || i == 0 || typeOf(bio[i - 1]) != type;
            boolean continues = i + 1 < bio.length && bio[i + 1] == inside(type);
            own[i] = tag(type, starts ? (continues ? B : U) : (continues ? I : L));
        }
        return own;
    }

    /** A path of the model's own tags in BIO. */
    int[] toBio(int[] own) {
        if (width == BIO) {
            return own;
        }
        int[] bio = new int[own.length];
        for (int i = 0; i < own.length; i++) {
            if (own[i] > 0) {
                int role = role(own[i]);
                bio[i] = role == B || role == U ? begin(tagType(own[i])) : inside(tagType(own[i]));
            }
        }
        return bio;
    }

    float[][] emissions(int[][] features) {
        return emissions(features, null);
    }

    /** Emission scores of the hashed features and, when the model has dense weights, of each token's vector. */
    float[][] emissions(int[][] features, float[][] vectors) {
        float[][] scores = new float[features.length][tags];
        for (int i = 0; i < features.length; i++) {
            float[] row = scores[i];
            for (int f : features[i]) {
                int base = f * tags;
                for (int t = 0; t < tags; t++) {
                    row[t] += weights[base + t];
                }
            }
            if (dimensions > 0 && vectors != null) {
                for (int k = Math.max(0, i - reach); k <= Math.min(features.length - 1, i + reach); k++) {
                    float[] v = vectors[k];
                    for (int t = 0; t < tags; t++) {
                        float sum = 0;
                        int base = denseBase(k - i, t);
                        for (int d = 0; d < dimensions; d++) {
                            sum += dense[base + d] * v[d];
                        }
                        row[t] += sum;
                    }
                }
            }
        }
        return scores;
    }

    /** Where the dense weights of {@code tag} for the vector at {@code offset} from the scored token begin. */
    int denseBase(int offset, int tag) {
        return ((offset + reach) * tags + tag) * dimensions;
    }

    float transition(int previous, int tag) {
        return allowed(previous, tag) ? transitions[(previous + 1) * tags + tag] : IMPOSSIBLE;
    }

    /** The best BIO path for the emission scores (rows over the model's own tags). */
    int[] decode(float[][] emissions) {
        return toBio(decodeOwn(emissions));
    }

    /** The best path of the model's own tags. */
    int[] decodeOwn(float[][] emissions) {
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
            if (canEnd(t) && best[n - 1][t] > best[n - 1][arg]) {
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

    /**
     * The spans of a decoded BIO {@code path} (a B or I tag starts a span, following I tags of its type extend it), each
     * with its confidence from the emission scores.
     */
    List<Chunk> chunks(float[][] emissions, int[] path, double temperature) {
        int[] own = fromBio(path);
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
                confidence = Math.min(confidence, confidence(emissions, own, k, temperature));
            }
            chunks.add(new Chunk(i, last, type, confidence));
            i = last + 1;
        }
        return chunks;
    }

    /**
     * Probability of the chosen tag at {@code i} of a path of the model's own tags against the other tags, its neighbours' tags held fixed: a cheap local
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
        out.writeInt(dimensions);
        out.writeInt(reach);
        for (float d : dense) {
            out.writeFloat(d);
        }
    }

    /**
     * Reads what {@link #write} wrote; {@code width} (tags per type) is stored by the caller, {@code withDense}: the
     * stream holds the dense weights (model format 6 on), {@code withReach}: and their reach (format 8 on).
     */
    static SequenceModel read(DataInputStream in, int width, boolean withDense, boolean withReach) throws IOException {
        int types = in.readInt();
        int bits = in.readInt();
        int tags = 1 + width * types;
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
        int dimensions = withDense ? in.readInt() : 0;
        int reach = withReach ? in.readInt() : 0;
        float[] dense = new float[(2 * reach + 1) * dimensions * tags];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = in.readFloat();
        }
        return new SequenceModel(types, width, bits, weights, transitions, dimensions, reach, dense);
    }
}
