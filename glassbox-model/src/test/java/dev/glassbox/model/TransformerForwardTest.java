package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The forward pass against the naive reference, for every architecture option. */
class TransformerForwardTest {

    static Stream<TransformerConfig> configs() {
        return TestModels.all().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("configs")
    void matchesNaiveReference(TransformerConfig config) {
        TransformerWeights weights = TestModels.randomWeights(config, 1);
        int n = Math.min(config.contextLength(), 7);
        int[] tokens = TestModels.randomTokens(config, n, 2);
        float[][] logits = new Transformer(config, weights).forward(tokens);
        double[][] expected = new NaiveTransformer(config, weights).logits(tokens);
        assertClose(expected, logits, 1e-4);
    }

    @Test
    void slidingWindowIsShorterThanTheSequenceInTheGemmaTest() {
        TransformerConfig gemma = TestModels.gemma();
        // The Gemma case above runs 7 positions through a window of 3: the window really masks keys.
        assertEquals(3, gemma.slidingWindow());
        assertEquals(true, gemma.isSliding(0) && !gemma.isSliding(1));
    }

    @Test
    void onePositionAndFullContextBothWork() {
        TransformerConfig config = TestModels.gpt2();
        TransformerWeights weights = TestModels.randomWeights(config, 3);
        Transformer model = new Transformer(config, weights);
        NaiveTransformer naive = new NaiveTransformer(config, weights);
        for (int n : new int[] {1, config.contextLength()}) {
            int[] tokens = TestModels.randomTokens(config, n, n);
            assertClose(naive.logits(tokens), model.forward(tokens), 1e-4);
        }
    }

    static void assertClose(double[][] expected, float[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "positions");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "vocabulary");
            for (int t = 0; t < expected[i].length; t++) {
                double bound = tolerance * Math.max(1, Math.abs(expected[i][t]));
                assertEquals(expected[i][t], actual[i][t], bound, "logit [" + i + "][" + t + "]");
            }
        }
    }
}
