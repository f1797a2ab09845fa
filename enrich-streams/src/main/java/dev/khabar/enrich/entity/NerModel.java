package dev.khabar.enrich.entity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Everything a trained recogniser needs besides the gazetteer: the tagger weights, the word lexicon that decides clitic
 * splits, the word classes, a bias subtracted from the O score at decoding (tuned for F1) and one added to each type,
 * and the gazetteer names that the training data showed to be mostly not entities (kept out of the fallback). Stored
 * as one gzipped binary file. {@code encoder} names the contextual vectors that the tagger's dense weights read
 * ({@link ContextVectors#name}; empty: none), so that a model is never run on another encoder's vectors.
 */
record NerModel(String version, String language, SequenceModel tagger, Map<String, Integer> lexicon,
                WordClusters clusters, float outsideBias, float[] typeBias, Set<String> unreliableNames,
                Map<String, String> names, String encoder) {

    /**
     * @param names a name list learnt from training labels (name to type), read by the features beside the gazetteer
     * @param encoder the encoder whose vectors the tagger was trained on, or "" for none
     */
    NerModel(String version, String language, SequenceModel tagger, Map<String, Integer> lexicon, WordClusters clusters,
             float outsideBias, Set<String> unreliableNames, Map<String, String> names, String encoder) {
        this(version, language, tagger, lexicon, clusters, outsideBias, new float[tagger.types], unreliableNames, names,
                encoder);
    }

    /** The same model with another bias against the O tag (tuning recall against precision). */
    NerModel withOutsideBias(float bias) {
        return new NerModel(version, language, tagger, lexicon, clusters, bias, typeBias, unreliableNames, names, encoder);
    }

    /** The same model with a bias added to the B and I scores of each type (one value per type). */
    NerModel withTypeBias(float[] bias) {
        return new NerModel(version, language, tagger, lexicon, clusters, outsideBias, bias.clone(), unreliableNames,
                names, encoder);
    }

    /** Parses {@code TYPE:bias,...} (types as in {@link Gazetteer#TYPES}; unnamed types get 0). */
    static float[] parseTypeBias(String value) {
        float[] bias = new float[Gazetteer.TYPES.size()];
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split(":");
            int type = Gazetteer.TYPES.indexOf(kv[0].strip());
            if (kv.length != 2 || type < 0) {
                throw new IllegalArgumentException("type bias '" + part + "' is not TYPE:number with TYPE one of "
                        + Gazetteer.TYPES);
            }
            bias[type] = Float.parseFloat(kv[1]);
        }
        return bias;
    }

    /** Adds the O bias and the type biases to emission scores (in place). */
    void bias(float[][] emissions) {
        for (float[] row : emissions) {
            row[0] -= outsideBias;
            for (int tag = 1; tag < row.length; tag++) {
                int type = tagger.tagType(tag);
                row[tag] += type < typeBias.length ? typeBias[type] : 0;
            }
        }
    }

    private static final int MAGIC = 0x4B4E4552;  // "KNER"
    // 3 added the type biases, 4 the tag scheme, 5 the name list, 6 dense weights, 7 the encoder's name,
    // 8 the dense weights' reach
    private static final int FORMAT = 8;
    /** The encoder of format 6's dense weights, which did not name it. */
    private static final String FORMAT_6_ENCODER = "all-minilm-l6-v2-q";

    void write(OutputStream stream) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(stream), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeUTF(language);
            out.writeFloat(outsideBias);
            out.writeInt(typeBias.length);
            for (float b : typeBias) {
                out.writeFloat(b);
            }
            out.writeInt(unreliableNames.size());
            for (String name : unreliableNames) {
                out.writeUTF(name);
            }
            out.writeInt(lexicon.size());
            for (Map.Entry<String, Integer> e : lexicon.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
            clusters.write(out);
            out.writeInt(names.size());
            for (Map.Entry<String, String> e : names.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(tagger.width);
            tagger.write(out);
            out.writeUTF(encoder);
        }
    }

    static NerModel read(InputStream stream) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a Khabar NER model");
            }
            int format = in.readInt();
            if (format < 2 || format > FORMAT) {
                throw new IOException("unsupported Khabar NER model format " + format + " (reads 2 to " + FORMAT + ")");
            }
            String version = in.readUTF();
            String language = in.readUTF();
            float outsideBias = in.readFloat();
            float[] typeBias = new float[format == 2 ? 0 : in.readInt()];
            for (int i = 0; i < typeBias.length; i++) {
                typeBias[i] = in.readFloat();
            }
            int blocked = in.readInt();
            Set<String> unreliable = new HashSet<>();
            for (int i = 0; i < blocked; i++) {
                unreliable.add(in.readUTF());
            }
            int n = in.readInt();
            Map<String, Integer> lexicon = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                lexicon.put(in.readUTF(), in.readInt());
            }
            WordClusters clusters = WordClusters.read(in);
            // in the order written, which is the order the training saw: the name list's ties go by it (Gazetteer)
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0, count = format >= 5 ? in.readInt() : 0; i < count; i++) {
                names.put(in.readUTF(), in.readUTF());
            }
            SequenceModel tagger = SequenceModel.read(in, format >= 4 ? in.readInt() : SequenceModel.BIO, format >= 6,
                    format >= 8);
            String encoder = format >= 7 ? in.readUTF() : tagger.dimensions > 0 ? FORMAT_6_ENCODER : "";
            return new NerModel(version, language, tagger, lexicon, clusters, outsideBias,
                    format == 2 ? new float[tagger.types] : typeBias, Set.copyOf(unreliable), Collections.unmodifiableMap(names),
                    encoder);
        }
    }
}
