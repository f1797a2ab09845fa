package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

class OnnxGraphOutputsTest {

    private static byte[] bundled() throws IOException {
        try (InputStream in = OnnxGraphOutputsTest.class.getResourceAsStream(ContextVectors.MODEL)) {
            return in.readAllBytes();
        }
    }

    private static List<String> outputs(byte[] model) throws OrtException {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model, new OrtSession.SessionOptions())) {
            return List.copyOf(session.getOutputNames());
        }
    }

    @Test
    void innerTensorsBecomeTheOutputsInTheOrderAsked() throws Exception {
        byte[] model = bundled();
        assertEquals(List.of("last_hidden_state"), outputs(model));
        String third = "/encoder/layer.2/output/LayerNorm/Add_1_output_0";
        byte[] rewritten = OnnxGraphOutputs.replace(model, List.of(third, "last_hidden_state"));
        assertEquals(List.of(third, "last_hidden_state"), outputs(rewritten));
        assertEquals(List.of(third), outputs(OnnxGraphOutputs.replace(model, List.of(third))));
    }

    @Test
    void theRewrittenModelComputesWhatTheOriginalDoesWithoutTheLayersNoOutputNeeds() throws Exception {
        byte[] model = bundled();
        String third = "/encoder/layer.2/output/LayerNorm/Add_1_output_0";
        List<String> words = List.of("Hurricane", "Milton", "hit", "Florida", ".");
        ContextVectors original = load(model);
        ContextVectors last = load(OnnxGraphOutputs.replace(model, List.of("last_hidden_state")));
        byte[] cut = OnnxGraphOutputs.replace(model, List.of(third));
        ContextVectors inner = load(cut);
        ContextVectors both = load(OnnxGraphOutputs.replace(model, List.of(third, "last_hidden_state")));
        assertArrayEquals(original.of(words)[1], last.of(words)[1], 1e-6f);
        assertEquals(original.dimensions, inner.dimensions);
        assertEquals(2 * original.dimensions, both.dimensions);
        float[] innerMilton = inner.of(words)[1];
        assertNotEquals(original.of(words)[1][0], innerMilton[0]);
        // the third layer read from the whole model (two outputs, in order) and from the cut one (its first half)
        float[] fromBoth = java.util.Arrays.copyOf(both.of(words)[1], original.dimensions);
        double norm = 0;
        for (float x : fromBoth) {
            norm += x * x;
        }
        for (int d = 0; d < fromBoth.length; d++) {
            fromBoth[d] /= (float) Math.sqrt(norm);
        }
        assertArrayEquals(innerMilton, fromBoth, 1e-5f);
        assertTrue(cut.length < model.length * 0.85, "layers 4 to 6 are gone: " + cut.length + " of " + model.length);
    }

    @Test
    void refusesWhatIsNoModel() {
        assertThrows(IllegalArgumentException.class, () -> OnnxGraphOutputs.replace(new byte[] {8, 1}, List.of("x")));
        assertThrows(IllegalArgumentException.class,
                () -> OnnxGraphOutputs.replace(new byte[] {(byte) 0x3a, 100, 1}, List.of("x")));
    }

    private static ContextVectors load(byte[] model) throws IOException {
        try (InputStream tokenizer = OnnxGraphOutputsTest.class.getResourceAsStream(ContextVectors.TOKENIZER)) {
            return ContextVectors.load(model, tokenizer, "test");
        }
    }
}
