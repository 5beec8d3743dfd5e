package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.ActivationCache;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationCacheTest {

    static Stream<TransformerConfig> configs() {
        return TestModels.all().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("configs")
    void cachesEveryPointWithoutChangingTheLogits(TransformerConfig config) {
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 11));
        int n = 5;
        int[] tokens = TestModels.randomTokens(config, n, 12);
        CachedRun run = model.runWithCache(tokens);
        assertEquals(model.hookNames(), run.cache().names());
        HooksTest.assertClose(model.forward(tokens), run.logits(), 1e-4f);

        ActivationCache cache = run.cache();
        int d = config.dModel(), heads = config.nHeads();
        assertTrue(cache.get(HookNames.EMBED).hasShape(n, d));
        for (int l = 0; l < config.nLayers(); l++) {
            assertTrue(cache.get(l, HookNames.Q).hasShape(n, heads, config.dHead()));
            assertTrue(cache.get(l, HookNames.K).hasShape(n, config.nKvHeads(), config.dHead()));
            assertTrue(cache.get(l, HookNames.PATTERN).hasShape(heads, n, n));
            assertTrue(cache.get(l, HookNames.RESULT).hasShape(n, heads, d));
            assertTrue(cache.get(l, HookNames.MLP_POST).hasShape(n, config.dMlp()));
            assertPatternRowsSumToOne(cache.get(l, HookNames.PATTERN), config.causal());
            assertResidualAddsUp(cache, l, n * d);
        }
        // The first residual stream is always embed + pos_embed.
        assertArrayEquals(sum(cache.get(HookNames.EMBED), cache.get(HookNames.POS_EMBED)),
                cache.get(0, HookNames.RESID_PRE).data(), 1e-6f);
    }

    private static void assertPatternRowsSumToOne(Activation pattern, boolean causal) {
        for (int h = 0; h < pattern.dim(0); h++) {
            for (int q = 0; q < pattern.dim(1); q++) {
                float total = 0;
                for (int k = 0; k < pattern.dim(2); k++) {
                    total += pattern.get(h, q, k);
                    if (causal && k > q) assertEquals(0f, pattern.get(h, q, k), "future key");
                }
                assertEquals(1f, total, 1e-5f);
            }
        }
    }

    /** resid_mid = resid_pre + attn_out and resid_post = resid_mid + mlp_out. */
    private static void assertResidualAddsUp(ActivationCache cache, int layer, int size) {
        assertArrayEquals(sum(cache.get(layer, HookNames.RESID_PRE), cache.get(layer, HookNames.ATTN_OUT)),
                cache.get(layer, HookNames.RESID_MID).data(), 1e-5f);
        assertArrayEquals(sum(cache.get(layer, HookNames.RESID_MID), cache.get(layer, HookNames.MLP_OUT)),
                cache.get(layer, HookNames.RESID_POST).data(), 1e-5f);
        assertEquals(size, cache.get(layer, HookNames.RESID_POST).size());
    }

    private static float[] sum(Activation a, Activation b) {
        float[] out = a.data().clone();
        for (int i = 0; i < out.length; i++) out[i] += b.data()[i];
        return out;
    }

    @Test
    void headResultsSumToTheAttentionOutput() {
        TransformerConfig config = TestModels.compiled(); // no post-norm between the sum and hook_attn_out
        TransformerWeights weights = TestModels.randomWeights(config, 4);
        Transformer model = new Transformer(config, weights);
        ActivationCache cache = model.runWithCache(new int[] {1, 2, 3}).cache();
        Activation result = cache.get(0, HookNames.RESULT), out = cache.get(0, HookNames.ATTN_OUT);
        float[] bias = weights.layers().get(0).attn().bo();
        for (int p = 0; p < 3; p++) {
            for (int d = 0; d < config.dModel(); d++) {
                float total = bias == null ? 0 : bias[d];
                for (int h = 0; h < config.nHeads(); h++) total += result.get(p, h, d);
                assertEquals(out.get(p, d), total, 1e-5f);
            }
        }
    }

    @Test
    void slidingWindowMasksOldKeysInTheCachedScores() {
        TransformerConfig config = TestModels.gemma();
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 2));
        ActivationCache cache = model.runWithCache(TestModels.randomTokens(config, 6, 1)).cache();
        Activation local = cache.get(0, HookNames.ATTN_SCORES), global = cache.get(1, HookNames.ATTN_SCORES);
        assertEquals(Float.NEGATIVE_INFINITY, local.get(0, 5, 2), "window 3: query 5 cannot see key 2");
        assertTrue(Float.isFinite(local.get(0, 5, 3)));
        assertTrue(Float.isFinite(global.get(0, 5, 0)), "odd layers are global");
        assertTrue(Math.abs(local.get(1, 4, 4)) < config.attnSoftcap(), "soft-capped");
    }

    @Test
    void filterKeepsOnlyTheChosenNamesAndExplainsTheRest() {
        TransformerConfig config = TestModels.compiledCausal();
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 3));
        CachedRun run = model.runWithCache(new int[] {0, 1, 2}, name -> name.endsWith("hook_pattern"));
        assertEquals(java.util.List.of("blocks.0.attn.hook_pattern", "blocks.1.attn.hook_pattern"), run.cache().names());
        var notCached = assertThrows(InvalidInputException.class, () -> run.cache().get(0, HookNames.Q));
        assertTrue(notCached.getMessage().contains("not cached"), notCached.getMessage());
        var unknown = assertThrows(InvalidInputException.class, () -> run.cache().get("blocks.0.attn.pattern"));
        assertTrue(unknown.getMessage().contains("blocks.0.attn.hook_pattern"), unknown.getMessage());
    }

    @Test
    void cacheRecordsWhatOtherHooksLeftAndLeavesTheirRegistryAlone() {
        TransformerConfig config = TestModels.compiled();
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 3));
        HookRegistry hooks = model.newHooks();
        hooks.add("blocks.0.hook_mlp_out", (a, n) -> Activation.zeros(a.shape()));
        CachedRun run = model.runWithCache(new int[] {0, 1}, hooks, name -> name.equals("blocks.0.hook_mlp_out"));
        assertArrayEquals(new float[2 * config.dModel()], run.cache().get(0, HookNames.MLP_OUT).data());
        assertEquals(1, hooks.size());
    }

    @Test
    void cachedActivationsAreCopies() {
        TransformerConfig config = TestModels.compiled();
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 3));
        ActivationCache cache = model.runWithCache(new int[] {0, 1}).cache();
        // resid_pre is updated in place by the run afterwards; the cached copy must not follow.
        float[] pre = cache.get(0, HookNames.RESID_PRE).data();
        float[] mid = cache.get(0, HookNames.RESID_MID).data();
        assertTrue(!java.util.Arrays.equals(pre, mid));
    }
}
