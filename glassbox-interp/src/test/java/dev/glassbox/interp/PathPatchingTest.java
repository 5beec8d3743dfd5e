package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.metric.LogitDifference;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.patching.PathPatching;
import dev.glassbox.interp.patching.Receiver;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathPatchingTest {
    private final TransformerConfig config = RandomModels.compiledLike();
    private final PlainInterpModel model = RandomModels.model(config, 31);
    private final Prompt clean = model.prompt(RandomModels.tokens(config, 5, 1));
    private final Prompt corrupt = model.prompt(RandomModels.tokens(config, 5, 2));
    private final LogitDifference metric = LogitDifference.of(4, 1, 2, "#1", "#2");
    private final PatchingProblem problem = new PatchingProblem(model, clean, corrupt, MetricChoice.fixed(metric), Direction.DENOISING);

    /** Without norms, a sender's direct path to the logits adds U (result_clean - result_corrupt). */
    @Test
    void thePathToTheLogitsIsTheDirectEffect() {
        Transformer m = model.transformer();
        CachedRun c = m.runWithCache(clean.tokens(), n -> n.endsWith(HookNames.RESULT));
        CachedRun k = m.runWithCache(corrupt.tokens(), n -> n.endsWith(HookNames.RESULT));
        double cm = metric.measure(c.logits()), km = metric.measure(k.logits());
        PatchingResult r = PathPatching.run(problem, List.of(Component.head(0, 1), Component.head(1, 2)), new Receiver.Logits(), true);
        for (Component.Head h : List.of(new Component.Head(0, 1), new Component.Head(1, 2))) {
            double delta = 0;
            int d = config.dModel(), p = 4;
            for (int i = 0; i < d; i++) {
                int at = (p * config.nHeads() + h.head()) * d + i;
                double change = c.cache().get(h.layer(), HookNames.RESULT).data()[at] - k.cache().get(h.layer(), HookNames.RESULT).data()[at];
                delta += change * (m.weights().unembed().get(1, i) - m.weights().unembed().get(2, i));
            }
            assertEquals(delta / (cm - km), r.effect(h.name(), null), 1e-5, h.name());
        }
        assertEquals(2 + 2, r.forwardPasses());
    }

    /**
     * A last-layer sender reaches the logits directly, and through the last MLP when MLPs recompute; so
     * path patching to the logits with MLPs free is plain patching, and so is a last MLP with MLPs frozen.
     */
    @Test
    void aLastLayerSenderEqualsActivationPatching() {
        Component head = Component.head(1, 0), mlp = Component.mlp(1);
        PatchingResult plain = new ActivationPatching().run(problem, "",
                List.of(PatchTarget.everywhere(head), PatchTarget.everywhere(mlp)));
        assertEquals(plain.effect(head.name(), null),
                PathPatching.run(problem, List.of(head), new Receiver.Logits(), false).effect(head.name(), null), 1e-6);
        assertEquals(plain.effect(mlp.name(), null),
                PathPatching.run(problem, List.of(mlp), new Receiver.Logits(), true).effect(mlp.name(), null), 1e-6);
    }

    @Test
    void aReceiverBeforeItsSenderIsAnError() {
        var e = assertThrows(InvalidInputException.class,
                () -> PathPatching.run(problem, List.of(Component.mlp(1)), new Receiver.HeadInput(1, 0, 'q'), true));
        assertTrue(e.getMessage().contains("does not come before"), e.getMessage());
    }

    @Test
    void receiverNamesParseAndSuggest() {
        assertEquals(new Receiver.HeadInput(1, 2, 'v'), Receiver.parse("blocks.1.attn.head.2.v", config));
        assertEquals(new Receiver.MlpInput(0), Receiver.parse("blocks.0.mlp", config));
        var e = assertThrows(UnknownNameException.class, () -> Receiver.parse("blocks.1.attn.head.2.x", config));
        assertTrue(e.closest().contains("blocks.1.attn.head.2.k"), e.getMessage());
    }
}
