package dev.glassbox.model.generate;

import dev.glassbox.core.InvalidInputException;

/**
 * How the next token is chosen from the logits l:
 * <pre>
 *   temperature 0:  argmax_i l_i                                           (greedy)
 *   otherwise:      p_i = softmax(l / temperature)_i, keep the topK most likely (0: all), then the
 *                   fewest most likely whose mass reaches topP (1: all), renormalise, draw with the seed
 * </pre>
 * The same seed gives the same tokens.
 */
public record Sampling(float temperature, int topK, float topP, long seed) {

    /** @throws InvalidInputException when a parameter is out of range (the message says which) */
    public Sampling {
        if (!(temperature >= 0) || Float.isInfinite(temperature)) {
            throw new InvalidInputException("temperature " + temperature + " must be a finite number >= 0 (0 is greedy)");
        }
        if (topK < 0) throw new InvalidInputException("top-k " + topK + " must be >= 0 (0 keeps every token)");
        if (!(topP > 0 && topP <= 1)) {
            throw new InvalidInputException("top-p " + topP + " must be in (0, 1] (1 keeps every token)");
        }
    }

    /** Always the most likely token. */
    public static Sampling greedy() {
        return new Sampling(0f, 0, 1f, 0L);
    }

    public boolean isGreedy() {
        return temperature == 0f;
    }
}
