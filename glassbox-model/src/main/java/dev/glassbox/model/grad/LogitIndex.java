package dev.glassbox.model.grad;

import dev.glassbox.core.InvalidInputException;

/** Range checks shared by the metrics, with messages that say what to change. */
final class LogitIndex {
    private LogitIndex() {}

    static void check(float[][] logits, int position, int token) {
        if (position < 0 || position >= logits.length) {
            throw new InvalidInputException("the metric reads position " + position + " but the run has "
                    + logits.length + " positions; choose one in [0, " + logits.length + ")");
        }
        if (token < 0 || token >= logits[position].length) {
            throw new InvalidInputException("the metric reads output " + token + " but the model has "
                    + logits[position].length + " outputs; choose one in [0, " + logits[position].length + ")");
        }
    }

    static float[][] zerosLike(float[][] logits) {
        float[][] zeros = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) zeros[i] = new float[logits[i].length];
        return zeros;
    }
}
