package dev.glassbox.model.generate;

import dev.glassbox.model.forward.ForwardPass;
import dev.glassbox.model.forward.KeyValueCache;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.Arrays;

/**
 * The prompt's forward pass. With hooks, one pass over the whole prompt (hooks see its activations whole,
 * as documented). Without, the prompt goes in pieces of {@link #CHUNK} positions, each attending to the
 * cache the earlier ones filled: the activations of a piece are a quarter of a 256-token prompt's, so they
 * die young instead of filling the old generation of the heap (peak memory). Every position is computed as
 * in one pass, so the logits are the same (bit for bit, but for the vector exp of the softmax, which may
 * round differently before and after the JIT compiles it): no piece is shorter than 4 positions, where the
 * products would switch kernels.
 */
final class PromptPass {
    /** Positions per piece. */
    static final int CHUNK = 64;
    /** Pieces at least this long: shorter batches use the one-input kernels, which sum in another order. */
    private static final int SHORTEST = 4;

    private PromptPass() {}

    /** Runs the prompt at positions 0..m-1, filling {@code cache}; the logits of its last position. */
    static float[] lastLogits(ForwardPass pass, int[] prompt, KeyValueCache cache, HookRegistry hooks) {
        if (!hooks.isEmpty()) return pass.runForLastLogits(prompt, 0, cache, hooks.activate());
        float[] last = null;
        for (int start = 0; start < prompt.length; ) {
            int length = Math.min(CHUNK, prompt.length - start);
            if (prompt.length - start - length < SHORTEST) length = prompt.length - start; // the rest joins this piece
            last = pass.runForLastLogits(Arrays.copyOfRange(prompt, start, start + length), start, cache, hooks.activate());
            start += length;
        }
        return last;
    }
}
