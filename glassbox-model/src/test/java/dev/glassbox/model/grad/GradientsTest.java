package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.TestModels;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {
    private final TransformerConfig config = TestModels.gemma();
    private final Transformer model = new Transformer(config, TestModels.randomWeights(config, 1));
    private final int[] tokens = TestModels.randomTokens(config, 6, 2);
    private final LogitMetric metric = LogitMetric.logitDifference(5, 3, 4);

    @Test
    void everyGradientHasItsActivationsShapeAndTheRunItsLogits() {
        GradientRun run = Gradients.compute(model, tokens, metric);
        assertEquals(model.hookNames(), run.gradientNames());
        for (String name : model.hookNames()) {
            assertArrayEquals(run.activations().get(name).shape(), run.gradient(name).shape(), name);
        }
        assertArrayEquals(model.forward(tokens)[5], run.logits()[5], 1e-6f);
        assertEquals(metric.value(run.logits()), run.metric());
    }

    @Test
    void pointsThatHoldOneValueHaveOneGradient() {
        GradientRun run = Gradients.compute(model, tokens, metric);
        assertArrayEquals(run.gradient(HookNames.EMBED).data(), run.gradient(HookNames.POS_EMBED).data());
        assertArrayEquals(run.gradient(0, HookNames.RESID_POST).data(), run.gradient(1, HookNames.RESID_PRE).data());
        assertArrayEquals(run.gradient(1, HookNames.RESID_POST).data(), run.gradient(1, HookNames.MLP_OUT).data());
        assertArrayEquals(run.gradient(1, HookNames.RESID_MID).data(), run.gradient(1, HookNames.ATTN_OUT).data());
    }

    @Test
    void aMetricAtOnePositionHasNoGradientAtLaterPositionsOfACausalModel() {
        GradientRun run = Gradients.compute(model, tokens, LogitMetric.logit(2, 0));
        float[] resid = run.gradient(0, HookNames.RESID_PRE).data();
        int d = config.dModel();
        for (int e = 3 * d; e < resid.length; e++) assertEquals(0f, resid[e]);
        boolean any = false;
        for (int e = 0; e < 3 * d; e++) any |= resid[e] != 0f;
        assertTrue(any);
    }

    @Test
    void keepingSomeNamesKeepsOnlyThoseAndCachesTheirActivations() {
        String z = HookNames.block(1, HookNames.Z);
        GradientRun run = Gradients.compute(model, tokens, metric, z::equals);
        assertEquals(List.of(z), run.gradientNames());
        assertTrue(run.activations().contains(z));
        // equal up to rounding: the Vector API kernels may sum in another order once compiled
        assertArrayEquals(Gradients.compute(model, tokens, metric).gradient(z).data(), run.gradient(z).data(), 1e-6f);
        assertFalse(run.hasGradient(HookNames.EMBED));
        var notKept = assertThrows(InvalidInputException.class, () -> run.gradient(HookNames.EMBED));
        assertTrue(notKept.getMessage().contains("not kept"), notKept.getMessage());
        var unknown = assertThrows(InvalidInputException.class, () -> run.gradient("blocks.1.attn.hook_zz"));
        assertTrue(unknown.getMessage().contains("not a hook point"), unknown.getMessage());
    }

    @Test
    void theBackwardPassAloneGivesTheSameGradientsAndSaysWhatARunLacks() {
        String z = HookNames.block(0, HookNames.Z);
        var forward = model.runWithCache(tokens, Gradients.cacheFilter(model, z::equals));
        assertArrayEquals(Gradients.compute(model, tokens, metric).gradient(z).data(),
                Gradients.backward(model, forward, metric, z::equals).gradient(z).data(), 1e-6f);
        var bare = model.runWithCache(tokens, z::equals);
        var e = assertThrows(InvalidInputException.class, () -> Gradients.backward(model, bare, metric, z::equals));
        assertTrue(e.getMessage().contains("Gradients.cacheFilter"), e.getMessage());
    }

    @Test
    void theMetricIsCheckedAgainstTheRun() {
        var e = assertThrows(InvalidInputException.class, () -> Gradients.compute(model, tokens, LogitMetric.logit(6, 0)));
        assertTrue(e.getMessage().contains("6 positions"), e.getMessage());
    }
}
