package dev.glassbox.interp.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.CompiledPrograms;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attribution patching on compiled programs, whose circuits are known by construction. A compiled model
 * has no norms, and later layers never read the output S-Op's directions, so the components that write
 * the output reach the logits along a linear path: their estimate is exact. Components further up feed a
 * saturated (hard) attention pattern or a discretising ReLU MLP, whose gradient is zero where the run
 * sits: the estimate there is 0 although patching them changes the answer completely. That is the known
 * blind spot of the method, here with ground truth.
 */
class CompiledModelAttributionTest {

    private static PatchingComparison compare(String program, String clean, String corrupt, Direction d, PatchGranularity g) {
        CompiledInterpModel model = CompiledPrograms.get(program);
        PatchingProblem problem = new PatchingProblem(model, model.prompt(clean), model.prompt(corrupt),
                Predictions.cleanVersusCorrupt(model, null), d);
        return PatchingComparison.of(problem, g);
    }

    private static PatchingComparison.Row row(PatchingComparison c, String component) {
        return c.rows().stream().filter(r -> r.component().equals(component)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void theWritersOfTheOutputAreEstimatedExactly(Direction d) {
        // reverse: the last block's head aggregates the flipped token into the output
        PatchingComparison reverse = compare("reverse", "a b c", "c a b", d, PatchGranularity.COMPONENT);
        assertEquals(1.0, row(reverse, "blocks.2.attn").measured(), 1e-6);
        assertEquals(1.0, row(reverse, "blocks.2.attn").estimated(), 1e-4);
        assertEquals(0.0, reverse.maxError(), 1e-4, reverse.markdown(0));
        // frac_prevs: a numerical mean, written by one head
        PatchingComparison frac = compare("frac_prevs", "a b a", "b b a", d, PatchGranularity.HEAD);
        assertEquals(1.0, row(frac, "blocks.0.attn.head.0").estimated(), 1e-4);
        // count: the selector width's MLP writes the categorical answer
        PatchingComparison count = compare("count", "a b a", "b b a", d, PatchGranularity.COMPONENT);
        assertEquals(1.0, row(count, "blocks.0.mlp").estimated(), 1e-4);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void componentsBehindSaturatedNonlinearitiesAreMissed(Direction d) {
        // sort: block 1's head feeds block 2's hard attention; its gradient there is zero
        PatchingComparison sort = compare("sort", "3 1 2", "3 3 2", d, PatchGranularity.HEAD);
        assertEquals(1.0, row(sort, "blocks.1.attn.head.0").measured(), 1e-6);
        assertEquals(0.0, row(sort, "blocks.1.attn.head.0").estimated(), 1e-4);
        assertEquals(1.0, row(sort, "blocks.2.attn.head.0").estimated(), 1e-4, "the writer itself is exact");
        // count: the head that measures the selector width feeds the discretising MLP
        PatchingComparison count = compare("count", "a b a", "b b a", d, PatchGranularity.COMPONENT);
        assertEquals(1.0, row(count, "blocks.0.attn").measured(), 1e-6);
        assertEquals(0.0, row(count, "blocks.0.attn").estimated(), 1e-4);
    }
}
