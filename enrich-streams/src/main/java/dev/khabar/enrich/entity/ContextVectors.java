package dev.khabar.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Contextual word vectors from a small pretrained BERT-style encoder run with ONNX Runtime (e5-small-v2 read at a
 * middle layer, 384 dimensions): each word's vector is the sum of its word pieces' hidden states, scaled to unit length,
 * so the same word reads differently in different sentences. A sentence longer than the encoder's window is read in
 * windows cut between words. Thread-safe (ONNX Runtime sessions are).
 */
final class ContextVectors {

    /** Word pieces per window besides {@code [CLS]} and {@code [SEP]}. */
    private static final int WINDOW = 254;
    private static final int MAX_WORD_CHARS = 100;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int start;
    private final int end;
    final int dimensions;
    /** What a model trained on these vectors records ({@link NerModel#encoder()}): the model file and the layer read. */
    final String name;

    private ContextVectors(OrtEnvironment environment, OrtSession session, Map<String, Integer> vocabulary,
                           int dimensions, String name) {
        this.name = name;
        this.environment = environment;
        this.session = session;
        this.vocabulary = vocabulary;
        this.unknown = vocabulary.get("[UNK]");
        this.start = vocabulary.get("[CLS]");
        this.end = vocabulary.get("[SEP]");
        this.dimensions = dimensions;
    }

    /** The bundled encoder's files, from the Maven artifact that carries them (docs/evaluation/ner-en.md). */
    static final String MODEL = "/e5-small-v2-q.onnx";
    static final String TOKENIZER = "/e5-small-v2-q-tokenizer.json";
    /**
     * The hidden states read: those of the sixth layer of twelve, which serve a tagger better than the last (tuned for
     * whole-sentence similarity; docs/evaluation/ner-en.md #54); the six layers above are cut from the graph, so they
     * cost nothing.
     */
    static final String LAYER = "/encoder/layer.5/output/LayerNorm/Add_1_output_0";
    static final String NAME = "e5-small-v2-q/layer.5";

    private static final class Holder {
        static final ContextVectors STANDARD = bundled();
    }

    /** The bundled encoder, loaded on first use and shared (one thread per call: callers run in parallel). */
    static ContextVectors standard() {
        return Holder.STANDARD;
    }

    private static ContextVectors bundled() {
        try (InputStream model = ContextVectors.class.getResourceAsStream(MODEL);
             InputStream tokenizer = ContextVectors.class.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException(MODEL + " or " + TOKENIZER + " is missing from the classpath");
            }
            return load(OnnxGraphOutputs.replace(model.readAllBytes(), List.of(LAYER)), tokenizer, NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the context encoder", e);
        }
    }

    /**
     * Loads an encoder from an ONNX model and its Hugging Face {@code tokenizer.json} (a WordPiece vocabulary); a word's
     * vector joins the model's outputs, in order.
     */
    static ContextVectors load(byte[] onnx, InputStream tokenizer, String name) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(tokenizer).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException("tokenizer.json has no WordPiece vocabulary (model.vocab)");
        }
        Map<String, Integer> vocabulary = new HashMap<>(vocab.size() * 2);
        vocab.properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);  // one core per call: Streams threads and training run calls in parallel
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx, options);
            int dimensions = 0;
            for (ai.onnxruntime.NodeInfo output : session.getOutputInfo().values()) {
                long[] shape = ((ai.onnxruntime.TensorInfo) output.getInfo()).getShape();
                dimensions += (int) shape[shape.length - 1];
            }
            return new ContextVectors(environment, session, vocabulary, dimensions, name);
        } catch (OrtException e) {
            throw new IOException("cannot load the context encoder: " + e.getMessage(), e);
        }
    }

    /** One unit-length vector per word (zeros for a word that has no word piece, such as a lone control character). */
    float[][] of(List<String> words) {
        int[][] pieces = new int[words.size()][];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = pieces(words.get(i));
        }
        float[][] vectors = new float[words.size()][dimensions];
        int from = 0;
        while (from < pieces.length) {
            int to = from;
            int length = 0;
            while (to < pieces.length && (to == from || length + Math.min(pieces[to].length, WINDOW) <= WINDOW)) {
                length += Math.min(pieces[to].length, WINDOW);
                to++;
            }
            encode(pieces, from, to, length, vectors);
            from = to;
        }
        for (float[] v : vectors) {
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < v.length; d++) {
                    v[d] *= scale;
                }
            }
        }
        return vectors;
    }

    private void encode(int[][] pieces, int from, int to, int length, float[][] vectors) {
        long[] ids = new long[length + 2];
        int[] owner = new int[length + 2];
        ids[0] = start;
        owner[0] = -1;
        int k = 1;
        for (int w = from; w < to; w++) {
            for (int p = 0; p < Math.min(pieces[w].length, WINDOW); p++) {
                ids[k] = pieces[w][p];
                owner[k++] = w;
            }
        }
        ids[k] = end;
        owner[k] = -1;
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", input, "attention_mask", attention,
                     "token_type_ids", types))) {
            int offset = 0;
            for (int o = 0; o < result.size(); o++) {
                float[][] hidden = ((float[][][]) result.get(o).getValue())[0];
                for (int i = 0; i < hidden.length; i++) {
                    if (owner[i] < 0) {
                        continue;
                    }
                    float[] v = vectors[owner[i]];
                    for (int d = 0; d < hidden[i].length; d++) {
                        v[offset + d] += hidden[i][d];
                    }
                }
                offset += hidden[0].length;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("context encoder failed: " + e.getMessage(), e);
        }
    }

    /** The word pieces of one word: BERT's basic tokenisation (lower case, accents off, punctuation apart), then WordPiece. */
    int[] pieces(String word) {
        List<Integer> out = new ArrayList<>();
        String folded = Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || c == 0xFFFD || type == Character.CONTROL
                    || type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || Character.isWhitespace(c)) {
                if (Character.isWhitespace(c)) {
                    wordPieces(part, out);
                }
                continue;
            }
            if (isPunctuation(c, type) || isCjk(c)) {
                wordPieces(part, out);
                part.appendCodePoint(c);
                wordPieces(part, out);
            } else {
                part.appendCodePoint(c);
            }
        }
        wordPieces(part, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void wordPieces(StringBuilder part, List<Integer> out) {
        if (part.isEmpty()) {
            return;
        }
        String text = part.toString();
        part.setLength(0);
        if (text.codePointCount(0, text.length()) > MAX_WORD_CHARS) {
            out.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = text.length();
            Integer id = null;
            while (to > from) {
                String piece = (from > 0 ? "##" : "") + text.substring(from, to);
                id = vocabulary.get(piece);
                if (id != null) {
                    break;
                }
                to = text.offsetByCodePoints(to, -1);
            }
            if (id == null) {
                out.add(unknown);
                return;
            }
            found.add(id);
            from = to;
        }
        out.addAll(found);
    }

    private static boolean isPunctuation(int c, int type) {
        return c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }
}
