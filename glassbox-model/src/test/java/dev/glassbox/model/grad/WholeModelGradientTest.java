package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.TestModels;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.Activation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hook point's gradient, element by element (up to {@value #ELEMENTS} sampled elements per point),
 * against central differences through the double oracle {@link DoubleForward}, on the configurations of
 * {@link TestModels}: compiled (no norms, ReLU, learned positions, bidirectional and causal), llama
 * (RMSNorm, RoPE in both layouts, GQA, SwiGLU), Gemma 2 (post-norms, both soft-caps, sliding window,
 * GeGLU, embed scale), GPT-2 (LayerNorm, biases, GELU) and a position-free windowed one. The metric is
 * a sum of log-probabilities over every position, so every path carries gradient.
 *
 * <p>Threshold: max_e |g_e − fd_e| ≤ 1e-4 · max_e |fd_e| per hook point. The difference quotient in
 * double with h = 1e-5 is good to about h²·f‴ ≈ 1e-10, plus rounding 1e-16·|m|/h ≈ 1e-11; what is left is
 * the float backward pass itself: activations and gradients rounded to float (6e-8 relative) through a
 * few layers of products, measured at ≤ 2e-6. 1e-4 leaves fifty times that, while a wrong derivative
 * (a missing term, a sign, a transposed index) is off by 1e-2 or more.
 */
class WholeModelGradientTest {
    private static final double STEP = 1e-5;
    private static final int ELEMENTS = 24;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(Named.of("compiled", TestModels.compiled())),
                Arguments.of(Named.of("compiled causal", TestModels.compiledCausal())),
                Arguments.of(Named.of("llama", TestModels.llama())),
                Arguments.of(Named.of("llama interleaved", TestModels.llamaInterleaved())),
                Arguments.of(Named.of("gemma", TestModels.gemma())),
                Arguments.of(Named.of("gpt2", TestModels.gpt2())),
                Arguments.of(Named.of("position free", TestModels.positionFree())));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyHookPointMatchesCentralDifferences(TransformerConfig config) {
        TransformerWeights weights = TestModels.randomWeights(config, 11);
        Transformer model = new Transformer(config, weights);
        int n = 5;
        int[] tokens = TestModels.randomTokens(config, n, 12);
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) targets[i] = (tokens[i] * 7 + 3) % model.outputSize();
        GradientRun run = Gradients.compute(model, tokens, LogitMetric.sumLogProbs(targets));
        DoubleForward oracle = new DoubleForward(config, weights);

        StringBuilder failures = new StringBuilder();
        for (String name : model.hookNames()) {
            Activation g = run.gradient(name);
            double maxError = 0, scale = 0;
            for (int e : Sample.indices(g.size(), ELEMENTS, name.hashCode())) {
                double[] delta = new double[g.size()];
                delta[e] = STEP;
                double plus = DoubleMetrics.sumLogProbs(oracle.logits(tokens, new DoubleForward.Nudge(name, delta)), targets);
                delta[e] = -STEP;
                double minus = DoubleMetrics.sumLogProbs(oracle.logits(tokens, new DoubleForward.Nudge(name, delta)), targets);
                double fd = (plus - minus) / (2 * STEP);
                maxError = Math.max(maxError, Math.abs(fd - g.data()[e]));
                scale = Math.max(scale, Math.abs(fd));
            }
            if (maxError > 1e-4 * scale) {
                failures.append(String.format("%s: max|fd| %.3e, max|g − fd| %.3e%n", name, scale, maxError));
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
