package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.cache.AccumulatedResidual;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.cache.Decomposition;
import dev.glassbox.interp.cache.DecompositionLevel;
import dev.glassbox.interp.cache.ResidualDecomposition;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.Activation;
import org.junit.jupiter.api.Test;

class DecompositionTest {

    @Test
    void partsSumToTheResidualStreamAtEveryLayerAndLevel() {
        for (TransformerConfig c : RandomModels.linearDecomposable()) {
            Transformer m = RandomModels.model(c, 1).transformer();
            for (DecompositionLevel level : DecompositionLevel.values()) {
                CachedRun run = Caching.run(m, RandomModels.tokens(c, 6, 2), ResidualDecomposition.cacheFilter(level));
                for (int layer = 0; layer <= c.nLayers(); layer++) {
                    Decomposition d = ResidualDecomposition.decompose(m, run, level, layer);
                    assertClose(run.cache().get(d.stage()), d.sum(), c.architecture() + " " + level + " layer " + layer);
                }
            }
        }
    }

    @Test
    void headLevelNamesEveryHeadAndTheOutputBias() {
        TransformerConfig c = RandomModels.compiledLike();
        Transformer m = RandomModels.model(c, 1).transformer();
        CachedRun run = Caching.run(m, RandomModels.tokens(c, 4, 2), ResidualDecomposition.cacheFilter(DecompositionLevel.HEAD));
        Decomposition d = ResidualDecomposition.decompose(m, run, DecompositionLevel.HEAD);
        assertEquals(java.util.List.of("embed", "pos_embed", "blocks.0.attn.head.0", "blocks.0.attn.head.1",
                "blocks.0.attn.head.2", "blocks.0.attn.bias", "blocks.0.mlp", "blocks.1.attn.head.0", "blocks.1.attn.head.1",
                "blocks.1.attn.head.2", "blocks.1.attn.bias", "blocks.1.mlp"), d.names());
    }

    @Test
    void postNormModelsDecomposePerLayerOnly() {
        TransformerConfig c = RandomModels.gemma();
        Transformer m = RandomModels.model(c, 1).transformer();
        CachedRun run = Caching.run(m, RandomModels.tokens(c, 5, 2), ResidualDecomposition.cacheFilter(DecompositionLevel.LAYER));
        Decomposition d = ResidualDecomposition.decompose(m, run, DecompositionLevel.LAYER);
        assertClose(run.cache().get(d.stage()), d.sum(), "gemma per layer");
        var e = assertThrows(InvalidInputException.class, () -> ResidualDecomposition.decompose(m, run, DecompositionLevel.HEAD));
        assertEquals(true, e.getMessage().contains("post-norms"), e.getMessage());
    }

    @Test
    void accumulatedResidualHasOneStagePerSublayerBoundary() {
        TransformerConfig c = RandomModels.gpt2();
        Transformer m = RandomModels.model(c, 1).transformer();
        CachedRun run = Caching.run(m, RandomModels.tokens(c, 3, 2), AccumulatedResidual.cacheFilter());
        var stages = AccumulatedResidual.stages(m, run, true);
        assertEquals(java.util.List.of("0_pre", "0_mid", "1_pre", "1_mid", "final"),
                stages.stream().map(AccumulatedResidual.Stage::label).toList());
        assertEquals(3, AccumulatedResidual.stages(m, run, false).size());
    }

    static void assertClose(Activation expected, Activation actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            assertEquals(e, actual.data()[i], 1e-4 * Math.max(1, Math.abs(e)), what + " at " + i);
        }
    }
}
