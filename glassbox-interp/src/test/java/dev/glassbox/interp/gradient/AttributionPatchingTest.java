package dev.glassbox.interp.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.interp.RandomModels;
import dev.glassbox.interp.metric.LogitDifference;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingMethods;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.patching.Site;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.grad.GradientRun;
import dev.glassbox.model.grad.Gradients;
import dev.glassbox.model.grad.LogitMetric;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttributionPatchingTest {

    private static PatchingProblem problem(PlainInterpModel model, int[] clean, int[] corrupt, Direction direction) {
        LogitDifference metric = LogitDifference.of(clean.length - 1, 1, 2, "#1", "#2");
        return new PatchingProblem(model, model.prompt(clean), model.prompt(corrupt), MetricChoice.fixed(metric), direction);
    }

    @Test
    void isThePatchingMethodNamedAttribution() {
        assertInstanceOf(AttributionPatching.class, PatchingMethods.named("attribution"));
    }

    @Test
    void costsTwoForwardPassesAndOneBackwardPassWhateverTheSweep() {
        TransformerConfig c = RandomModels.llama();
        PlainInterpModel model = RandomModels.model(c, 5);
        PatchingProblem p = problem(model, RandomModels.tokens(c, 6, 1), RandomModels.tokens(c, 6, 2), Direction.NOISING);
        for (PatchGranularity g : PatchGranularity.values()) {
            List<PatchTarget> targets = g.targets(c, 6);
            AttributionEstimate estimate = new AttributionPatching().estimate(p, g.label(), targets);
            assertEquals(2, estimate.forwardPasses(), g.label());
            assertEquals(2, estimate.result().forwardPasses(), g.label());
            assertEquals(1, estimate.backwardPasses(), g.label());
            assertEquals(targets.size(), estimate.result().effects().size());
        }
        PatchingResult real = new ActivationPatching().sweep(p, PatchGranularity.HEAD_POSITION);
        assertEquals(c.nLayers() * c.nHeads() * 6 + 2, real.forwardPasses(), "activation patching: one run per cell");
    }

    /**
     * Without norms or a final soft-cap the logits are U · resid_final, linear in the last MLP's output and
     * in its neurons (through Wout), and in the whole last block (attention output plus MLP output); a
     * logit difference is linear in the logits, so the first-order estimate is the exact effect.
     */
    @ParameterizedTest
    @EnumSource(Direction.class)
    void exactWhereTheMetricIsLinearInThePatchedActivation(Direction direction) {
        TransformerConfig c = RandomModels.compiledLike();
        PlainInterpModel model = RandomModels.model(c, 8);
        PatchingProblem p = problem(model, RandomModels.tokens(c, 5, 3), RandomModels.tokens(c, 5, 4), direction);
        int last = c.nLayers() - 1;
        List<PatchTarget> targets = new ArrayList<>();
        targets.add(PatchTarget.everywhere(Component.mlp(last)));
        targets.add(PatchTarget.everywhere(new Component.Block(last)));
        for (int pos = 0; pos < 5; pos++) targets.add(new PatchTarget(Component.mlp(last), pos));
        for (int n = 0; n < c.dMlp(); n++) targets.add(PatchTarget.everywhere(Component.neuron(last, n)));
        PatchingComparison comparison = PatchingComparison.of(p, "linear", targets);
        assertTrue(comparison.maxError() < 1e-4, comparison.markdown(0));
    }

    /**
     * A head's estimate read at hook_z or at hook_result is the same number: result_h = Wo_h z_h is linear,
     * so (result' − result) · ∂m/∂result = (Wo_h δz) · da = δz · Wo_hᵀ da = δz · ∂m/∂z.
     */
    @Test
    void aHeadsEstimateIsTheSameThroughHookZAndHookResult() {
        TransformerConfig c = RandomModels.gemma();
        Transformer model = RandomModels.model(c, 17).transformer();
        int[] clean = RandomModels.tokens(c, 6, 5), corrupt = RandomModels.tokens(c, 6, 6);
        LogitMetric metric = LogitMetric.logitDifference(5, 1, 2);
        for (int layer = 0; layer < c.nLayers(); layer++) {
            String z = HookNames.block(layer, HookNames.Z), result = HookNames.block(layer, HookNames.RESULT);
            GradientRun run = Gradients.compute(model, clean, metric, name -> name.equals(z) || name.equals(result));
            var source = model.runWithCache(corrupt, name -> name.equals(z) || name.equals(result)).cache();
            for (int h = 0; h < c.nHeads(); h++) {
                double viaZ = new SiteTerm(new Site(z, h * c.dHead(), c.dHead()), z)
                        .estimate(null, source.get(z), run.activations().get(z), run.gradient(z));
                double viaResult = new SiteTerm(new Site(result, h * c.dModel(), c.dModel()), result)
                        .estimate(null, source.get(result), run.activations().get(result), run.gradient(result));
                assertEquals(viaZ, viaResult, 1e-5 * (1 + Math.abs(viaZ)), "layer " + layer + " head " + h);
            }
        }
    }

    /**
     * The linear regime: a corrupt prompt whose one changed token has an embedding ε away from the clean
     * one's. Every activation moves by O(ε), the effects (normalised by a clean − corrupt gap of O(ε)) are
     * O(1), and the estimate's error is the second-order term, O(ε): ten times smaller ε, about ten times
     * smaller error.
     */
    @ParameterizedTest
    @EnumSource(value = Granularities.class)
    void errorShrinksWithThePerturbationLikeAFirstOrderMethod(Granularities sweep) {
        double coarse = maxError(0.1, sweep.granularity), fine = maxError(0.01, sweep.granularity);
        assertTrue(fine < 0.03, "ε = 0.01: max error " + fine);
        assertTrue(coarse / fine > 5, "error ratio " + coarse / fine + " (ε = 0.1: " + coarse + ", ε = 0.01: " + fine + ")");
    }

    enum Granularities {
        HEAD(PatchGranularity.HEAD), LAYER_POSITION(PatchGranularity.LAYER_POSITION),
        RESIDUAL_POSITION(PatchGranularity.RESIDUAL_POSITION), NEURON(PatchGranularity.NEURON);

        final PatchGranularity granularity;

        Granularities(PatchGranularity granularity) {
            this.granularity = granularity;
        }
    }

    private static double maxError(double epsilon, PatchGranularity granularity) {
        TransformerConfig c = RandomModels.gemma();
        Twins twins = Twins.of(c, 13, 3, epsilon);
        int[] clean = {1, 3, 5, 0, 4, 3}, corrupt = clean.clone();
        corrupt[1] = twins.twin();
        PatchingProblem p = problem(twins.model(), clean, corrupt, Direction.NOISING);
        return PatchingComparison.of(p, granularity).maxError();
    }
}
