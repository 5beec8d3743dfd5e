package dev.glassbox.model.generate;

/** argmax_i logits_i; the lowest id among equal maxima, as llama2.c's argmax. */
public final class GreedySampler implements Sampler {

    @Override
    public int sample(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) best = i;
        }
        return best;
    }
}
