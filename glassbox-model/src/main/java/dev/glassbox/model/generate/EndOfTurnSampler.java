package dev.glassbox.model.generate;

/**
 * Ends a chat reply at the turn marker: chooses as {@code inner} does, but reports the end-of-turn token as
 * EOS, at which {@link Generator} stops (the marker, like EOS, is not part of the result).
 */
public record EndOfTurnSampler(Sampler inner, int endOfTurn, int eos) implements Sampler {

    @Override
    public int sample(float[] logits) {
        int id = inner.sample(logits);
        return id == endOfTurn ? eos : id;
    }
}
