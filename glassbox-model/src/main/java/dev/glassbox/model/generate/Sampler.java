package dev.glassbox.model.generate;

/** Chooses the next token from one position's logits. Stateful (it owns its random stream). */
public interface Sampler {

    /** The chosen id; {@code logits} (length vocabSize) is not changed. */
    int sample(float[] logits);

    /** A fresh sampler for {@code sampling}: greedy at temperature 0, else a seeded random one. */
    static Sampler of(Sampling sampling) {
        return sampling.isGreedy() ? new GreedySampler() : new RandomSampler(sampling);
    }
}
