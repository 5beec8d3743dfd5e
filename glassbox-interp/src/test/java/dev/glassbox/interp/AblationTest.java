package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.ablation.Ablation;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.ablation.AblationResult;
import dev.glassbox.interp.ablation.Ablator;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.metric.OutputLogit;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class AblationTest {
    private final TransformerConfig config = RandomModels.llama();
    private final PlainInterpModel model = RandomModels.model(config, 41);
    private final Prompt prompt = model.prompt(RandomModels.tokens(config, 5, 1));
    private final OutputLogit metric = OutputLogit.of(4, 3, "#3");

    @Test
    void ablatingWithTheRunsOwnValuesIsTheIdentity() {
        Ablator self = new Ablator(model, prompt, MetricChoice.fixed(metric), List.of(prompt));
        AblationResult r = self.run(List.of(
                Ablation.of(Component.mlp(0), null, AblationKind.MEAN),
                Ablation.of(Component.head(1, 2), null, AblationKind.RESAMPLE),
                Ablation.of(new Component.Block(0), 2, AblationKind.RESAMPLE)));
        assertEquals(metric.measure(model.transformer().forward(prompt.tokens())), r.baselineMetric(), 1e-6);
        r.outcomes().forEach(o -> assertEquals(0, o.change(), 1e-5, o.toString()));
        assertTrue(self.run(List.of()).outcomes().isEmpty(), "ablating nothing leaves the baseline alone");
    }

    @Test
    void zeroAblationOfAHeadIsZeroingItsZ() {
        Transformer m = model.transformer();
        AblationResult r = new Ablator(model, prompt, MetricChoice.fixed(metric), List.of())
                .run(List.of(Ablation.of(Component.head(0, 1), 3, AblationKind.ZERO)));
        HookRegistry hooks = m.newHooks();
        hooks.add(HookNames.block(0, HookNames.Z), (z, name) -> {
            for (int d = 0; d < config.dHead(); d++) z.set(0f, 3, 1, d);
            return z;
        });
        assertEquals(metric.measure(m.forward(prompt.tokens(), hooks)), r.outcomes().getFirst().metric(), 1e-6);
        assertEquals(2, r.forwardPasses());
    }

    @Test
    void meanAblationAveragesPositionByPosition() {
        Prompt a = model.prompt(RandomModels.tokens(config, 5, 7));
        Prompt b = model.prompt(RandomModels.tokens(config, 6, 8));
        Transformer m = model.transformer();
        float[] ea = m.runWithCache(a.tokens(), n -> n.equals(HookNames.EMBED)).cache().get(HookNames.EMBED).data();
        float[] eb = m.runWithCache(b.tokens(), n -> n.equals(HookNames.EMBED)).cache().get(HookNames.EMBED).data();
        HookRegistry hooks = m.newHooks();
        hooks.add(HookNames.EMBED, (x, name) -> {
            for (int i = 0; i < x.size(); i++) x.data()[i] = (ea[i] + eb[i]) / 2;
            return x;
        });
        AblationResult r = new Ablator(model, prompt, MetricChoice.fixed(metric), List.of(a, b))
                .run(List.of(Ablation.of(Component.embed(), null, AblationKind.MEAN)));
        assertEquals(metric.measure(m.forward(prompt.tokens(), hooks)), r.outcomes().getFirst().metric(), 1e-5);
    }

    @Test
    void resampleAveragesOverTheSources() {
        Prompt a = model.prompt(RandomModels.tokens(config, 5, 7));
        Prompt b = model.prompt(RandomModels.tokens(config, 5, 8));
        AblationResult r = new Ablator(model, prompt, MetricChoice.fixed(metric), List.of(a, b))
                .run(List.of(Ablation.of(Component.mlp(1), null, AblationKind.RESAMPLE)));
        var o = r.outcomes().getFirst();
        assertEquals(2, o.samples().size());
        assertEquals((o.samples().get(0) + o.samples().get(1)) / 2, o.metric(), 1e-9);
    }

    @Test
    void badRequestsAreClearErrors() {
        Ablator none = new Ablator(model, prompt, MetricChoice.fixed(metric), List.of());
        var e = assertThrows(InvalidInputException.class,
                () -> none.run(List.of(Ablation.of(Component.mlp(0), null, AblationKind.MEAN))));
        assertTrue(e.getMessage().contains("needs a set of other prompts"), e.getMessage());
        var p = assertThrows(PositionOutOfRangeException.class,
                () -> none.run(List.of(Ablation.of(Component.mlp(0), 5, AblationKind.ZERO))));
        assertTrue(p.getMessage().contains("0..4"), p.getMessage());
        Ablator shortSource = new Ablator(model, prompt, MetricChoice.fixed(metric), List.of(model.prompt(new int[] {1, 2})));
        assertThrows(PromptLengthException.class,
                () -> shortSource.run(List.of(Ablation.of(Component.mlp(0), null, AblationKind.RESAMPLE))));
    }
}
