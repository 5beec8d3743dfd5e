package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.TestModels;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.Activation;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradients against the runtime's own float forward pass, nudged through its hooks, along two
 * directions per hook point: the gradient's own (scaled to a largest entry of 1) and a random ±1 one.
 *
 * <p>Tolerance |predicted − measured| ≤ 1e-2 |predicted| + 1e-3, with the step of
 * {@link RuntimeDifferences#directional}. The floor is float rounding: m carries about 1e-6 of absolute
 * rounding here, and the stencil divides it by h (weights 18/12), so ≈ 2e-4 at h = 1e-2, which 1e-3
 * covers; the relative part covers the stencil's O(h⁴) truncation where the step is smaller. Only the
 * smooth configurations: a ReLU kink inside [−2h, 2h] makes any difference quotient wrong, and a step
 * small enough to avoid kinks reliably drowns in float rounding. The ReLU models are covered by the
 * double oracle ({@link WholeModelGradientTest}) and by {@link DoubleForwardTest}, which shows that the
 * oracle answers a nudge at every hook point as the runtime does.
 */
class RuntimeGradientTest {
    static Stream<Arguments> smoothConfigs() {
        return Stream.of(
                Arguments.of(Named.of("llama", TestModels.llama())),
                Arguments.of(Named.of("llama interleaved", TestModels.llamaInterleaved())),
                Arguments.of(Named.of("gemma", TestModels.gemma())),
                Arguments.of(Named.of("gpt2", TestModels.gpt2())));
    }

    @ParameterizedTest
    @MethodSource("smoothConfigs")
    void directionalDerivativesThroughHooksMatch(TransformerConfig config) {
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 21));
        int n = 5;
        int[] tokens = TestModels.randomTokens(config, n, 22);
        LogitMetric metric = LogitMetric.logProb(n - 1, 1);
        GradientRun run = Gradients.compute(model, tokens, metric);
        Random random = new Random(23);
        StringBuilder failures = new StringBuilder();
        for (String name : model.hookNames()) {
            Activation g = run.gradient(name);
            for (float[] u : new float[][] {Directions.alongGradient(g.data()), Directions.rademacher(g.size(), random)}) {
                double predicted = Directions.dot(g.data(), u);
                double measured = RuntimeDifferences.directional(model, tokens, metric, name, u, predicted);
                if (Math.abs(predicted - measured) > 1e-2 * Math.abs(predicted) + 1e-3) {
                    failures.append(String.format("%s: predicted %+.5e, measured %+.5e%n", name, predicted, measured));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
