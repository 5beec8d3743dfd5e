package dev.glassbox.model.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.TestModels;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.ThreadPool;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A cache kept in IEEE half precision: what it stores, and what attention over it computes. */
class HalfPrecisionCacheTest {

    static Stream<TransformerConfig> causalConfigs() {
        return TestModels.all().stream().filter(TransformerConfig::causal);
    }

    @Test
    void storesEachEntryRoundedToTheNearestHalf() {
        TransformerConfig config = TestModels.all().stream().filter(TransformerConfig::causal).findFirst().orElseThrow();
        int width = config.nKvHeads() * config.dHead();
        KeyValueCache cache = new KeyValueCache(config, 1, KeyValueCache.Precision.F16);
        float[] keys = new float[2 * width];
        float[] values = new float[2 * width];
        // Values whose halves are known: 1/3 -> 0x3555 = 1365/4096; 65504 is the largest half, 70000 overflows to
        // infinity; 2^-24 is the smallest subnormal, 2^-26 rounds to zero; 1 + 2^-11 is a tie, kept even at 1.
        float[] given = {1f / 3, 65504f, 70000f, 0x1p-24f, 0x1p-26f, 1 + 0x1p-11f, -2.5f};
        float[] half = {1365f / 4096, 65504f, Float.POSITIVE_INFINITY, 0x1p-24f, 0f, 1f, -2.5f};
        for (int i = 0; i < keys.length; i++) {
            keys[i] = given[i % given.length];
            values[i] = -given[i % given.length];
        }
        cache.append(0, Arrays.copyOf(keys, width), Arrays.copyOf(values, width), 1); // grows on the next append
        cache.append(0, Arrays.copyOfRange(keys, width, 2 * width), Arrays.copyOfRange(values, width, 2 * width), 1);
        KeyValueCache.Stored stored = cache.stored(0);
        assertEquals(2, stored.length());
        for (int i = 0; i < keys.length; i++) {
            assertEquals(half[i % half.length], stored.keys()[i], "key " + i);
            assertEquals(-half[i % half.length], stored.values()[i], "value " + i);
        }
        assertEquals(0, cache.length(1), "other layers are untouched");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("causalConfigs")
    void piecesSharingAHalfCacheEqualTheWholeOverAHalfCache(TransformerConfig config) {
        TransformerWeights weights = TestModels.randomWeights(config, 8);
        ForwardPass pass = new ForwardPass(config, weights, HookNames.of(config.nLayers(), config.gatedMlp()),
                Kernels.preferred());
        int[] tokens = TestModels.randomTokens(config, 7, 3);
        float[] whole = pass.run(tokens, 0, new KeyValueCache(config, 7, KeyValueCache.Precision.F16), ActiveHooks.NONE);

        KeyValueCache cache = new KeyValueCache(config, 1, KeyValueCache.Precision.F16);
        float[] prefix = pass.run(Arrays.copyOfRange(tokens, 0, 4), 0, cache, ActiveHooks.NONE);
        float[] rest = pass.run(Arrays.copyOfRange(tokens, 4, 7), 4, cache, ActiveHooks.NONE);

        int v = weights.unembed().rows();
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 4 * v), prefix, 1e-5f);
        assertArrayEquals(Arrays.copyOfRange(whole, 4 * v, 7 * v), rest, 1e-5f);

        // Against float32 keys and values the logits move by the rounding only: half precision keeps 11
        // significant bits, a relative error of at most 2^-12 per entry.
        float[] exact = pass.run(tokens, 0, new KeyValueCache(config, 7), ActiveHooks.NONE);
        double largest = 0, moved = 0;
        for (int i = 0; i < exact.length; i++) {
            largest = Math.max(largest, Math.abs(exact[i]));
            moved = Math.max(moved, Math.abs(exact[i] - whole[i]));
        }
        assertTrue(moved > 0, "rounding to half changes something");
        assertTrue(moved <= 1e-2 * largest, "moved " + moved + " against logits up to " + largest);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("causalConfigs")
    void threadsDecodingHeadsGiveTheSameLogitsAsOne(TransformerConfig config) {
        TransformerWeights weights = TestModels.randomWeights(config, 8);
        HookNames names = HookNames.of(config.nLayers(), config.gatedMlp());
        int[] tokens = TestModels.randomTokens(config, 7, 3);
        ForwardPass serial = new ForwardPass(config, weights, names, Kernels.preferred());
        KeyValueCache one = new KeyValueCache(config, 1, KeyValueCache.Precision.F16);
        float[] expectedPrefix = serial.run(Arrays.copyOfRange(tokens, 0, 5), 0, one, ActiveHooks.NONE);
        float[] expectedRest = serial.run(Arrays.copyOfRange(tokens, 5, 7), 5, one, ActiveHooks.NONE);
        for (int threads : new int[] {2, 3}) {
            try (ThreadPool pool = new ThreadPool(threads)) {
                ForwardPass parallel = new ForwardPass(config, weights, names, Kernels.preferred(), pool);
                KeyValueCache cache = new KeyValueCache(config, 1, KeyValueCache.Precision.F16);
                float[] prefix = parallel.run(Arrays.copyOfRange(tokens, 0, 5), 0, cache, ActiveHooks.NONE);
                float[] rest = parallel.run(Arrays.copyOfRange(tokens, 5, 7), 5, cache, ActiveHooks.NONE);
                assertArrayEquals(expectedPrefix, prefix, threads + " threads");
                assertArrayEquals(expectedRest, rest, threads + " threads");
            }
        }
    }
}
