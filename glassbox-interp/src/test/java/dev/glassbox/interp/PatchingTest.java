package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.glassbox.interp.patching.Patch;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchHooks;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.patching.Site;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The patching engine against naive recomputation on random models. */
class PatchingTest {
    private final TransformerConfig config = RandomModels.gpt2();
    private final PlainInterpModel model = RandomModels.model(config, 21);
    private final Prompt clean = model.prompt(RandomModels.tokens(config, 5, 1));
    private final Prompt corrupt = model.prompt(RandomModels.tokens(config, 5, 2));
    private final LogitDifference metric = LogitDifference.of(4, 1, 2, "#1", "#2");

    private PatchingProblem problem(Direction direction) {
        return new PatchingProblem(model, clean, corrupt, MetricChoice.fixed(metric), direction);
    }

    @Test
    void patchingTheWholeResidualStreamIsTheSourceRun() {
        Transformer m = model.transformer();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            PatchTarget all = PatchTarget.everywhere(new Component.ResidPre(layer));
            assertEquals(1.0, new ActivationPatching().run(problem(Direction.DENOISING), "", List.of(all)).effects().getFirst().effect(), 1e-5);
            assertEquals(1.0, new ActivationPatching().run(problem(Direction.NOISING), "", List.of(all)).effects().getFirst().effect(), 1e-5);
        }
        // and the logits themselves: embeddings patched at every position give the clean run
        CachedRun source = m.runWithCache(clean.tokens(), n -> n.equals(HookNames.EMBED) || n.equals(HookNames.POS_EMBED));
        HookRegistry hooks = m.newHooks();
        float[][] patched;
        try (HookHandle ignored = PatchHooks.install(hooks, List.of(
                new Patch(new Site(HookNames.EMBED, 0, config.dModel()), null, source.cache().get(HookNames.EMBED)),
                new Patch(new Site(HookNames.POS_EMBED, 0, config.dModel()), null, source.cache().get(HookNames.POS_EMBED))))) {
            patched = m.forward(corrupt.tokens(), hooks);
        }
        for (int p = 0; p < patched.length; p++) assertArrayEquals(source.logits()[p], patched[p], 1e-5f);
        assertTrue(hooks.isEmpty(), "patch hooks are removed");
    }

    @Test
    void eachCellMatchesAHandWrittenHook() {
        PatchingResult r = new ActivationPatching().sweep(problem(Direction.DENOISING), PatchGranularity.HEAD_POSITION);
        Transformer m = model.transformer();
        CachedRun cleanRun = m.runWithCache(clean.tokens(), n -> n.endsWith(HookNames.Z));
        double c = metric.measure(cleanRun.logits()), k = metric.measure(m.forward(corrupt.tokens()));
        for (PatchEffect e : r.effects()) {
            Component.Head head = (Component.Head) model.components().parse(e.component());
            String hook = HookNames.block(head.layer(), HookNames.Z);
            HookRegistry hooks = m.newHooks();
            float[] source = cleanRun.cache().get(hook).data();
            hooks.add(hook, (z, name) -> {
                for (int d = 0; d < config.dHead(); d++) {
                    int i = (e.position() * config.nHeads() + head.head()) * config.dHead() + d;
                    z.data()[i] = source[i];
                }
                return z;
            });
            double expected = (metric.measure(m.forward(corrupt.tokens(), hooks)) - k) / (c - k);
            assertEquals(expected, e.effect(), 1e-6, e.toString());
        }
        assertEquals(c, r.cleanMetric(), 1e-6);
        assertEquals(k, r.corruptMetric(), 1e-6);
    }

    @Test
    void aLayerPositionSweepRunsOncePerCellPlusTwo() {
        PatchingResult r = new ActivationPatching().sweep(problem(Direction.NOISING), PatchGranularity.LAYER_POSITION);
        int cells = (2 + 2 * config.nLayers()) * clean.length();
        assertEquals(cells, r.effects().size());
        assertEquals(cells + 2, r.forwardPasses());
        assertEquals(cells + 2, r.forwardPassesNeeded());
        assertTrue(r.passRatio() <= 1.2);
    }

    @Test
    void noisingEffectsFollowTheDocumentedNormalisation() {
        PatchingProblem same = new PatchingProblem(model, clean, corrupt, MetricChoice.fixed(metric), Direction.NOISING);
        PatchingResult r = new ActivationPatching().sweep(same, PatchGranularity.COMPONENT);
        for (PatchEffect e : r.effects()) {
            assertEquals((r.cleanMetric() - e.metric()) / (r.cleanMetric() - r.corruptMetric()), e.effect(), 1e-9);
        }
    }

    @Test
    void promptsOfDifferentLengthsAreAClearError() {
        Prompt shorter = model.prompt(RandomModels.tokens(config, 4, 2));
        var e = assertThrows(PromptLengthException.class,
                () -> new PatchingProblem(model, clean, shorter, MetricChoice.fixed(metric), Direction.DENOISING));
        assertTrue(e.getMessage().contains("5 tokens") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void aMetricThatCannotTellThePromptsApartIsAnError() {
        PatchingProblem same = new PatchingProblem(model, clean, clean, MetricChoice.fixed(metric), Direction.DENOISING);
        var e = assertThrows(InvalidInputException.class, () -> new ActivationPatching().sweep(same, PatchGranularity.COMPONENT));
        assertTrue(e.getMessage().contains("both the clean and the corrupt"), e.getMessage());
    }

    @Test
    void aPositionOutOfRangeSaysTheRange() {
        var e = assertThrows(PositionOutOfRangeException.class, () -> new ActivationPatching().run(problem(Direction.DENOISING),
                "", List.of(new PatchTarget(Component.mlp(0), 7))));
        assertTrue(e.getMessage().contains("0..4"), e.getMessage());
    }
}
