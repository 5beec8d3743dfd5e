package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a layer x position sweep costs, counted by the engine: one forward pass per cell plus the clean
 * and the corrupt run, each run once and cached, so at most 1.2 x the passes it needs. Writes the table
 * of docs/benchmarks.md to target/patching-cost.md (forward passes are counted; times are this
 * machine's, after a warm-up).
 */
class PatchingCostTest {

    @Test
    void sweepsTakeOnePassPerCellPlusTwo() {
        StringBuilder table = new StringBuilder("| model | sweep | cells | forward passes | needed (cells + 2) | ratio | passes / cells | sweep ms | ms per pass (plain forward) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        record Case(InterpModel model, String clean, String corrupt) {}
        List<Case> cases = List.of(new Case(CompiledPrograms.get("reverse"), "a b c", "c a b"),
                new Case(CompiledPrograms.get("sort"), "3 1 2 1 3", "3 3 2 1 3"),
                new Case(Stories260KTest.MODEL, "Lily went to the park. Lily", "Tim went to the park. Tim"));
        for (Case c : cases) {
            Prompt clean = c.model().prompt(c.clean()), corrupt = c.model().prompt(c.corrupt());
            for (PatchGranularity g : List.of(PatchGranularity.LAYER_POSITION, PatchGranularity.RESIDUAL_POSITION,
                    PatchGranularity.HEAD_POSITION)) {
                PatchingProblem problem = new PatchingProblem(c.model(), clean, corrupt,
                        Predictions.cleanVersusCorrupt(c.model(), null), Direction.DENOISING);
                for (int i = 0; i < 2; i++) new ActivationPatching().sweep(problem, g); // warm-up
                long t0 = System.nanoTime();
                PatchingResult r = new ActivationPatching().sweep(problem, g);
                double ms = (System.nanoTime() - t0) / 1e6;
                long f0 = System.nanoTime();
                for (int i = 0; i < r.forwardPasses(); i++) c.model().transformer().forward(corrupt.tokens());
                double plain = (System.nanoTime() - f0) / 1e6 / r.forwardPasses();
                assertEquals(r.effects().size() + 2, r.forwardPasses());
                assertTrue(r.passRatio() <= 1.2, g + " on " + c.model().name() + ": " + r.passRatio());
                table.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %.1f | %.3f (%.3f) |%n",
                        c.model().name(), g.label(), r.effects().size(), r.forwardPasses(), r.forwardPassesNeeded(),
                        r.passRatio(), r.forwardPasses() / (double) r.effects().size(), ms, ms / r.forwardPasses(), plain));
            }
        }
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/patching-cost.md"), table);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
