package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.TestModels;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.Activation;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle is the runtime's function: same logits, and the same answer to a nudge at every hook
 * point (a large one, 0.3 per entry with random signs, so that a different reading of a hook point, say
 * a pattern applied to masked keys or a result before or after the output bias, shows at once).
 * Tolerance 1e-4 (1 + |m|): the runtime computes in float, about 1e-6 relative after a few layers.
 */
class DoubleForwardTest {

    @ParameterizedTest
    @MethodSource("dev.glassbox.model.grad.WholeModelGradientTest#configs")
    void answersEveryNudgeAsTheRuntimeDoes(TransformerConfig config) {
        TransformerWeights weights = TestModels.randomWeights(config, 31);
        Transformer model = new Transformer(config, weights);
        DoubleForward oracle = new DoubleForward(config, weights);
        int n = 5;
        int[] tokens = TestModels.randomTokens(config, n, 32);
        int[] targets = TestModels.randomTokens(config, n, 33);
        for (int i = 0; i < n; i++) targets[i] %= model.outputSize();
        LogitMetric metric = LogitMetric.sumLogProbs(targets);
        GradientRun shapes = Gradients.compute(model, tokens, metric);
        Random random = new Random(34);
        StringBuilder failures = new StringBuilder();
        check("no nudge", metric.value(model.forward(tokens)), DoubleMetrics.sumLogProbs(oracle.logits(tokens, null), targets), failures);
        for (String name : model.hookNames()) {
            Activation g = shapes.gradient(name);
            float[] u = Directions.rademacher(g.size(), random);
            double runtime = RuntimeDifferences.nudged(model, tokens, metric, name, u, 0.3);
            double exact = DoubleMetrics.sumLogProbs(
                    oracle.logits(tokens, new DoubleForward.Nudge(name, Directions.toDouble(u, 0.3))), targets);
            check(name, runtime, exact, failures);
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    private static void check(String what, double runtime, double exact, StringBuilder failures) {
        if (Math.abs(runtime - exact) > 1e-4 * (1 + Math.abs(exact))) {
            failures.append(String.format("%s: runtime %.7f, oracle %.7f%n", what, runtime, exact));
        }
    }
}
