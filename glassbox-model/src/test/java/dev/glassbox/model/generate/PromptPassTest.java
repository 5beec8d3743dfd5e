package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.glassbox.model.TestModels;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.forward.ForwardPass;
import dev.glassbox.model.forward.KeyValueCache;
import dev.glassbox.model.hooks.HookRegistry;
import dev.glassbox.tensor.kernels.Kernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A prompt taken in pieces gives the logits, and leaves the cache, of one pass over it, bit for bit. */
class PromptPassTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64, 65, 67, 68, 131, 150})
    void piecesEqualOnePass(int length) {
        TransformerConfig g = TestModels.gemma();
        TransformerConfig config = new TransformerConfig(g.architecture(), g.dModel(), g.nLayers(), g.nHeads(), g.nKvHeads(),
                g.dHead(), g.dMlp(), g.vocabSize(), 256, g.norm(), g.normEps(), g.activation(), g.gatedMlp(), g.positions(),
                g.ropeTheta(), g.causal(), g.attnScale(), g.attnSoftcap(), g.finalSoftcap(), g.slidingWindow(),
                g.slidingLayers(), g.embedScale(), g.postNorms());
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 3));
        int[] prompt = TestModels.randomTokens(config, length, 5);
        HookRegistry none = model.newHooks();
        // Scalar kernels for softmax and norms: the vector exp may round differently once compiled, which would
        // make two runs differ whatever the pieces; the products (vector, with fixed-order sums) are what is tested.
        ForwardPass pass = new ForwardPass(config, model.weights(), none.names(), Kernels.scalar());

        KeyValueCache whole = new KeyValueCache(config, length + 1), pieces = new KeyValueCache(config, length + 1);
        float[] expected = pass.runForLastLogits(prompt, 0, whole, none.activate());
        float[] actual = PromptPass.lastLogits(pass, prompt, pieces, none);
        assertArrayEquals(expected, actual, 0f, "last logits of a prompt of " + length);
        int[] next = {1};
        assertArrayEquals(pass.run(next, length, whole, none.activate()), pass.run(next, length, pieces, none.activate()), 0f,
                "the next position, attending to the cache");
    }
}
