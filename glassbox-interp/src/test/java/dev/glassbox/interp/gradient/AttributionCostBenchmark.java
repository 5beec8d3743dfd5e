package dev.glassbox.interp.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glassbox.interp.RandomModels;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;
import dev.glassbox.model.grad.Gradients;
import dev.glassbox.model.grad.LogitMetric;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The cost measurements of docs/benchmarks.md (section "Gradients and attribution patching"): wall times
 * are the fastest of several runs (31 rounds for single passes, 3 for sweeps, after warm-up). Skipped
 * unless run with -Dglassbox.benchmark=true; prints Markdown tables:
 * <pre>
 * mvn -q -o -pl glassbox-interp -am test -Dtest=AttributionCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dglassbox.benchmark=true
 * </pre>
 */
class AttributionCostBenchmark {
    private static final int REPEATS = 31;

    @Test
    void backwardPassAgainstForwardPass() {
        assumeTrue(Boolean.getBoolean("glassbox.benchmark"), "a benchmark: -Dglassbox.benchmark=true");
        StringBuilder out = new StringBuilder("| model | tokens | forward (ms) | forward, cached for backward (ms) | backward (ms) | backward / forward |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        InterpModel stories = Stories260KAttributionTest.problem(Direction.NOISING).model();
        int[] text = stories.prompt(Stories260KAttributionTest.CLEAN).tokens();
        row(out, "stories260K", stories.transformer(), text);
        TransformerConfig wide = new TransformerConfig("llama", 512, 4, 8, 4, 64, 1376, 4096, 256, Norm.RMS_NORM, 1e-5f,
                Activation.SILU, true, Positions.ROPE_INTERLEAVED, 10000f, true, 0.125f, 0f, 0f, 0, SlidingLayers.NONE, 1f, false);
        row(out, "random llama, d=512, 4 layers, 8/4 heads, MLP 1376, vocab 4096", RandomModels.model(wide, 1).transformer(),
                RandomModels.tokens(wide, 64, 2));
        System.out.println(out);
    }

    @Test
    void sweepsByBothMethods() {
        assumeTrue(Boolean.getBoolean("glassbox.benchmark"), "a benchmark: -Dglassbox.benchmark=true");
        StringBuilder out = new StringBuilder("| direction | sweep | cells | activation: passes | activation (ms) | attribution: passes | attribution (ms) | Pearson r | Spearman ρ | max abs error |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Direction d : Direction.values()) {
            PatchingProblem problem = Stories260KAttributionTest.problem(d);
            for (PatchGranularity g : PatchGranularity.values()) {
                PatchingComparison c = PatchingComparison.of(problem, g); // warm-up
                double[] activationMs = new double[3], attributionMs = new double[3];
                for (int i = 0; i < 3; i++) {
                    c = PatchingComparison.of(problem, g);
                    activationMs[i] = c.activationNanos() / 1e6;
                    attributionMs[i] = c.attributionNanos() / 1e6;
                }
                assertEquals(2, c.attribution().forwardPasses());
                assertEquals(1, c.attribution().backwardPasses());
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %d + 1 backward | %.1f | %.3f | %.3f | %.3f |%n",
                        d.label(), g.label(), c.rows().size(), c.activation().forwardPasses(), fastest(activationMs),
                        c.attribution().forwardPasses(), fastest(attributionMs), c.pearson(), c.spearman(), c.maxError()));
            }
        }
        System.out.println(out);
    }

    private static void row(StringBuilder out, String name, Transformer model, int[] tokens) {
        int n = tokens.length;
        LogitMetric metric = LogitMetric.logitDifference(n - 1, 1, 2);
        Predicate<String> none = hook -> false;
        CachedRun[] run = new CachedRun[1];
        double[][] ms = interleaved(
                () -> model.forward(tokens),
                () -> run[0] = model.runWithCache(tokens, Gradients.cacheFilter(model, none)),
                () -> Gradients.backward(model, run[0], metric, none));
        out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", name, n, fastest(ms[0]),
                fastest(ms[1]), fastest(ms[2]), fastest(ms[2]) / fastest(ms[0])));
    }

    /**
     * Wall times in ms of each task, {@link #REPEATS} rounds after as many unmeasured ones, the tasks taking
     * turns within a round so that they share whatever else the machine is doing.
     */
    private static double[][] interleaved(Runnable... tasks) {
        double[][] ms = new double[tasks.length][REPEATS];
        for (int round = -REPEATS; round < REPEATS; round++) {
            for (int t = 0; t < tasks.length; t++) {
                long start = System.nanoTime();
                tasks[t].run();
                if (round >= 0) ms[t][round] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    /** The least disturbed of the runs: on a shared machine the others measure its neighbours too. */
    private static double fastest(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
