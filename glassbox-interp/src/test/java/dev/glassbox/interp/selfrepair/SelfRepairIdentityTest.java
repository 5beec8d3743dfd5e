package dev.glassbox.interp.selfrepair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.RandomModels;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identities that hold whatever the weights, on small random models (no norm, LayerNorm, RMSNorm). */
class SelfRepairIdentityTest {

    static List<Prompt> prompts(PlainInterpModel model, TransformerConfig c) {
        List<Prompt> out = new ArrayList<>();
        for (int s = 0; s < 3; s++) out.add(model.prompt(RandomModels.tokens(c, 6, 40 + s)));
        return out;
    }

    /** Without a final norm the decomposition is exact: total = direct - attention - mlp, nothing left over. */
    @Test
    void withoutANormNothingIsLeftOver() {
        TransformerConfig c = RandomModels.compiledLike();
        PlainInterpModel model = RandomModels.model(c, 3);
        SelfRepairResult r = SelfRepair.run(model, prompts(model, c), SelfRepairOptions.defaults().withSamples(2));
        for (PromptRepair p : r.prompts()) {
            for (ComponentRepair x : p.components()) assertEquals(0.0, x.remainder(), 1e-4, x.part().name());
        }
        assertEquals(3 + 3 * r.ablated().size() * 2, r.forwardPasses(), "n + n·m·k passes");
    }

    /**
     * With the scale frozen, parts before the ablated one cannot change (the model is causal in layers), so
     * their change is exactly 0; with it recomputed, every run's parts sum to its own logit, so the changes of
     * the embeddings and all sublayers sum to minus the total effect.
     */
    @Test
    void frozenScaleLeavesUpstreamAloneAndRecomputedScaleAddsUp() {
        for (TransformerConfig c : List.of(RandomModels.gpt2(), RandomModels.llama())) {
            PlainInterpModel model = RandomModels.model(c, 5);
            List<Prompt> prompts = prompts(model, c);
            SelfRepairResult frozen = SelfRepair.run(model, prompts, SelfRepairOptions.defaults());
            for (PromptRepair p : frozen.prompts()) {
                for (ComponentRepair x : p.components()) {
                    for (int j = 0; j < frozen.parts().size(); j++) {
                        Part other = frozen.parts().get(j);
                        boolean upstream = other.layer() < x.part().layer()
                                || other.layer() == x.part().layer() && x.part().kind() == Part.Kind.MLP && other.kind() != Part.Kind.MLP
                                || other.layer() == x.part().layer() && x.part().kind() == Part.Kind.HEAD && other.kind() == Part.Kind.HEAD
                                        && !other.equals(x.part());
                        if (upstream) assertEquals(0.0, x.changes()[j], 1e-5, c.architecture() + " " + x.part() + " -> " + other);
                    }
                }
            }
            SelfRepairResult recomputed = SelfRepair.run(model, prompts, SelfRepairOptions.defaults().withScale(NormScale.RECOMPUTED));
            for (PromptRepair p : recomputed.prompts()) {
                for (ComponentRepair x : p.components()) {
                    double sum = 0;
                    for (int j = 0; j < recomputed.parts().size(); j++) {
                        if (recomputed.parts().get(j).kind() != Part.Kind.HEAD) sum += x.changes()[j];
                    }
                    assertEquals(-x.total(), sum, 1e-4, c.architecture() + " " + x.part());
                }
            }
        }
    }

    /**
     * Zero-ablating a head with the scale frozen: its direct effect is its centred direct logit attribution
     * (DirectLogitAttribution, the same run's scale), and its total effect is the centred logit change of a
     * run with its hook_z zeroed by hand.
     */
    @Test
    void directEffectIsCentredDlaAndTotalEffectIsTheHandAblatedLogitChange() {
        for (TransformerConfig c : List.of(RandomModels.gpt2(), RandomModels.llama())) {
            PlainInterpModel model = RandomModels.model(c, 9);
            Prompt prompt = prompts(model, c).getFirst();
            int last = prompt.length() - 1;
            float[][] clean = model.transformer().forward(prompt.tokens());
            int target = Predictions.argmax(clean)[last];
            PromptRepair r = SelfRepair.run(model, List.of(prompt), SelfRepairOptions.defaults()
                    .withAblation(AblationKind.ZERO)).prompts().getFirst();
            Attribution dla = DirectLogitAttribution.attribute(model.transformer(), prompt.tokens(), last,
                    LogitTarget.logit(target), "t", AttributionLevel.HEAD, true);
            for (int l = 0; l < c.nLayers(); l++) {
                for (int h = 0; h < c.nHeads(); h++) {
                    String name = "blocks." + l + ".attn.head." + h;
                    assertEquals(dla.dla(name), r.component(name).direct(), 1e-4, c.architecture() + " " + name);
                    final int head = h;
                    HookRegistry hooks = model.transformer().newHooks();
                    float[][] ablated;
                    try (HookHandle ignored = hooks.add("blocks." + l + ".attn.hook_z", (z, n) -> {
                        for (int p = 0; p < z.dim(0); p++) for (int d = 0; d < z.dim(2); d++) z.set(0f, p, head, d);
                        return z;
                    })) {
                        ablated = model.transformer().forward(prompt.tokens(), hooks);
                    }
                    double total = centred(clean[last], target) - centred(ablated[last], target);
                    assertEquals(total, r.component(name).total(), 1e-4, c.architecture() + " " + name);
                }
            }
        }
    }

    private static double centred(float[] logits, int target) {
        double mean = 0;
        for (float v : logits) mean += v;
        return logits[target] - mean / logits.length;
    }
}
