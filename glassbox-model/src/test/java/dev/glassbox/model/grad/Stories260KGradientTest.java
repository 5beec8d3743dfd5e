package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.LanguageModelFiles;
import dev.glassbox.model.hooks.Activation;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gradients of a real pretrained model, stories260K (llama: RMSNorm, interleaved RoPE, GQA 8/4,
 * SwiGLU, tied embeddings), at every one of its 108 hook points, for the next-token log-likelihood of a
 * sentence from its training distribution.
 */
class Stories260KGradientTest {
    private static Transformer model;
    private static int[] tokens, targets;
    private static LogitMetric metric;
    private static GradientRun run;

    @BeforeAll
    static void load() {
        LanguageModel lm = LanguageModelFiles.load(SharedFiles.require("models/stories260K/stories260K.bin"),
                SharedFiles.require("models/stories260K/tok512.bin"));
        model = lm.transformer();
        int[] text = lm.tokenizer().encode("Once upon a time, there was a little girl named Lily.");
        int n = Math.min(text.length, 8);
        tokens = new int[n];
        tokens[0] = lm.tokenizer().bos().orElseThrow();
        System.arraycopy(text, 0, tokens, 1, n - 1);
        targets = new int[n];
        System.arraycopy(text, 0, targets, 0, n);
        metric = LogitMetric.sumLogProbs(targets);
        run = Gradients.compute(model, tokens, metric);
    }

    /**
     * Along a random Gaussian direction u per hook point, g · u against a central difference through the
     * double oracle (h = 1e-5 along u). Threshold |g·u − fd| ≤ 1e-4 ‖g‖ ‖u‖: the float backward pass is
     * good to about 1e-6 per element, and the sum of N such errors with random signs stays below
     * 1e-6 √N ‖g‖ ‖u‖ ≤ 1e-4 ‖g‖ ‖u‖ for the N ≤ 10⁴ elements of a hook point here.
     */
    @Test
    void everyHookPointMatchesTheDoubleOracle() {
        DoubleForward oracle = new DoubleForward(model.config(), model.weights());
        Random random = new Random(41);
        StringBuilder failures = new StringBuilder();
        for (String name : model.hookNames()) {
            Activation g = run.gradient(name);
            float[] u = gaussian(g.size(), random);
            double predicted = Directions.dot(g.data(), u);
            double h = 1e-5;
            double plus = DoubleMetrics.sumLogProbs(oracle.logits(tokens, new DoubleForward.Nudge(name, Directions.toDouble(u, h))), targets);
            double minus = DoubleMetrics.sumLogProbs(oracle.logits(tokens, new DoubleForward.Nudge(name, Directions.toDouble(u, -h))), targets);
            double measured = (plus - minus) / (2 * h);
            double bound = 1e-4 * norm(g.data()) * norm(u);
            if (Math.abs(predicted - measured) > bound) {
                failures.append(String.format("%s: g·u %+.6e, oracle %+.6e, bound %.1e%n", name, predicted, measured, bound));
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /** Against the runtime's float forward pass itself; the tolerance is {@link RuntimeGradientTest}'s. */
    @Test
    void everyHookPointMatchesTheRuntime() {
        Random random = new Random(42);
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

    private static float[] gaussian(int size, Random random) {
        float[] u = new float[size];
        for (int e = 0; e < size; e++) u[e] = (float) random.nextGaussian();
        return u;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) sum += (double) x * x;
        return Math.sqrt(sum);
    }
}
