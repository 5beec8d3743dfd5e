package dev.glassbox.model.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.glassbox.model.TestModels;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.tensor.kernels.Kernels;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key/value cache is what incremental decoding will stand on: for a causal model, running a
 * sequence in pieces that share one cache must give the logits of running it whole.
 */
class IncrementalForwardTest {

    static Stream<TransformerConfig> causalConfigs() {
        return TestModels.all().stream().filter(TransformerConfig::causal);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("causalConfigs")
    void piecesSharingACacheEqualTheWhole(TransformerConfig config) {
        TransformerWeights weights = TestModels.randomWeights(config, 8);
        ForwardPass pass = new ForwardPass(config, weights, HookNames.of(config.nLayers(), config.gatedMlp()),
                Kernels.preferred());
        int[] tokens = TestModels.randomTokens(config, 7, 3);
        float[] whole = pass.run(tokens, 0, new KeyValueCache(config, 7), ActiveHooks.NONE);

        KeyValueCache cache = new KeyValueCache(config, 1); // small on purpose: it has to grow
        float[] prefix = pass.run(Arrays.copyOfRange(tokens, 0, 4), 0, cache, ActiveHooks.NONE);
        float[] next = pass.run(new int[] {tokens[4]}, 4, cache, ActiveHooks.NONE);
        float[] rest = pass.run(Arrays.copyOfRange(tokens, 5, 7), 5, cache, ActiveHooks.NONE);

        int v = weights.unembed().rows();
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 4 * v), prefix, 1e-5f);
        assertArrayEquals(Arrays.copyOfRange(whole, 4 * v, 5 * v), next, 1e-5f);
        assertArrayEquals(Arrays.copyOfRange(whole, 5 * v, 7 * v), rest, 1e-5f);
    }
}
