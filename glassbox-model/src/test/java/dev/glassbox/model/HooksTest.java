package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.Hook;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.HookRegistry;
import dev.glassbox.tensor.FloatMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HooksTest {
    private final TransformerConfig config = TestModels.llama();
    private final TransformerWeights weights = TestModels.randomWeights(config, 5);
    private final Transformer model = new Transformer(config, weights);
    private final int[] tokens = TestModels.randomTokens(config, 6, 9);
    private final float[][] baseline = model.forward(tokens);

    private static Hook zeroing() {
        return (activation, name) -> {
            Arrays.fill(activation.data(), 0f);
            return activation;
        };
    }

    @Test
    void modifyingInPlaceChangesTheOutput() {
        HookRegistry hooks = model.newHooks();
        try (var _ = hooks.add("blocks.1.hook_mlp_out", zeroing())) {
            assertFalse(Arrays.deepEquals(baseline, model.forward(tokens, hooks)));
        }
    }

    @Test
    void returningAReplacementChangesTheOutput() {
        HookRegistry hooks = model.newHooks();
        hooks.add("blocks.0.attn.hook_pattern", (pattern, name) -> {
            Activation uniform = Activation.zeros(pattern.shape());
            for (int h = 0; h < pattern.dim(0); h++)
                for (int q = 0; q < pattern.dim(1); q++)
                    for (int k = 0; k <= q; k++) uniform.set(1f / (q + 1), h, q, k);
            return uniform;
        });
        float[][] patched = model.forward(tokens, hooks);
        assertArrayEquals(baseline[0], patched[0], 1e-5f, "position 0 attends only to itself either way");
        assertFalse(Arrays.equals(baseline[5], patched[5]));
    }

    @Test
    void aHookThatOnlyReadsChangesNothing() {
        HookRegistry hooks = model.newHooks();
        List<String> seen = new ArrayList<>();
        hooks.add(name -> true, (activation, name) -> {
            seen.add(name);
            return null;
        });
        float[][] logits = model.forward(tokens, hooks);
        assertEquals(model.hookNames(), seen, "every point fires once, in forward order");
        assertClose(baseline, logits, 1e-5f);
    }

    @Test
    void closingRemovesTheHook() {
        HookRegistry hooks = model.newHooks();
        try (var _ = hooks.add("hook_embed", zeroing())) {
            assertEquals(1, hooks.size());
        }
        assertTrue(hooks.isEmpty());
        assertArrayEquals(baseline, model.forward(tokens, hooks));
    }

    @Test
    void aThrowingHookLeavesNeitherHookNorChangeBehind() {
        float[] embedBefore = ((FloatMatrix) weights.embed()).data().clone();
        HookRegistry hooks = model.newHooks();
        RuntimeException boom = new IllegalStateException("boom");
        var thrown = assertThrows(IllegalStateException.class, () -> {
            try (var _ = hooks.add("hook_embed", zeroing());
                    var _ = hooks.add("blocks.1.hook_resid_mid", (a, n) -> { throw boom; })) {
                model.forward(tokens, hooks);
            }
        });
        assertSame(boom, thrown);
        assertTrue(hooks.isEmpty());
        assertArrayEquals(embedBefore, ((FloatMatrix) weights.embed()).data(), "weights untouched");
        assertArrayEquals(baseline, model.forward(tokens));
        assertArrayEquals(baseline, model.forward(tokens, hooks));
    }

    @Test
    void hooksRunInOrderAndSeeEachOthersChanges() {
        HookRegistry hooks = model.newHooks();
        List<Float> seen = new ArrayList<>();
        hooks.add("blocks.0.hook_resid_pre", (a, n) -> { a.set(42f, 0, 0); return a; });
        hooks.add("blocks.0.hook_resid_pre", Hook.observe(a -> seen.add(a.get(0, 0))));
        model.forward(tokens, hooks);
        assertEquals(List.of(42f), seen);
    }

    @Test
    void oneHandleCoversAFilteredSetOfPoints() {
        HookRegistry hooks = model.newHooks();
        try (var _ = hooks.add(name -> name.endsWith(HookNames.ATTN_OUT), zeroing())) {
            assertEquals(config.nLayers(), hooks.size());
        }
        assertTrue(hooks.isEmpty());
        var e = assertThrows(InvalidInputException.class, () -> hooks.add(name -> name.contains("hook_nothing"), zeroing()));
        assertTrue(e.getMessage().contains("no hook name"), e.getMessage());
    }

    @Test
    void unknownNameIsAUserErrorNamingTheClosestPoints() {
        HookRegistry hooks = model.newHooks();
        GlassboxException e = assertThrows(GlassboxException.class, () -> hooks.add("blocks.0.hook_q", zeroing()));
        assertTrue(e.getMessage().contains("unknown hook name 'blocks.0.hook_q'"), e.getMessage());
        assertTrue(e.getMessage().contains("blocks.0.attn.hook_q"), e.getMessage());
        var outOfRange = assertThrows(GlassboxException.class, () -> hooks.add("blocks.7.hook_resid_pre", zeroing()));
        assertTrue(outOfRange.getMessage().contains("blocks.1.hook_resid_pre"), outOfRange.getMessage());
    }

    @Test
    void aReplacementOfAnotherShapeIsRejected() {
        HookRegistry hooks = model.newHooks();
        hooks.add("blocks.0.attn.hook_q", (q, name) -> Activation.zeros(1, 2, 3));
        var e = assertThrows(InvalidInputException.class, () -> model.forward(tokens, hooks));
        assertTrue(e.getMessage().contains("blocks.0.attn.hook_q") && e.getMessage().contains("[6, 4, 4]"), e.getMessage());
    }

    @Test
    void ablatingAHeadViaResultEqualsAblatingItViaZ() {
        int head = 2, layer = 1;
        HookRegistry viaZ = model.newHooks();
        viaZ.add(HookNames.block(layer, HookNames.Z), (z, n) -> {
            for (int p = 0; p < z.dim(0); p++) for (int d = 0; d < z.dim(2); d++) z.set(0f, p, head, d);
            return z;
        });
        HookRegistry viaResult = model.newHooks();
        viaResult.add(HookNames.block(layer, HookNames.RESULT), (r, n) -> {
            for (int p = 0; p < r.dim(0); p++) for (int d = 0; d < r.dim(2); d++) r.set(0f, p, head, d);
            return r;
        });
        float[][] a = model.forward(tokens, viaZ);
        assertClose(a, model.forward(tokens, viaResult), 1e-4f);
        assertNotEquals(baseline[5][0], a[5][0]);
    }

    @Test
    void hooksOfAnotherModelAreRefused() {
        Transformer other = new Transformer(TestModels.gemma(), TestModels.randomWeights(TestModels.gemma(), 1));
        assertThrows(IllegalArgumentException.class, () -> model.forward(tokens, other.newHooks()));
    }

    static void assertClose(float[][] expected, float[][] actual, float tolerance) {
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], tolerance, "position " + i);
    }
}
