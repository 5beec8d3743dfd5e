package dev.glassbox.interp.lens;

import dev.glassbox.core.InvalidInputException;

/** Which scale the final norm uses when it is applied to an earlier residual stream. */
public enum NormScale {
    /**
     * The scale of the clean run's final residual stream at the same position, so the lens is linear in the
     * residual stream (TransformerLens's {@code apply_ln_to_stack} with the cached scale).
     */
    FROZEN,
    /** The norm computed afresh on each stage's own residual stream (the original logit lens). */
    RECOMPUTED;

    public String label() {
        return this == FROZEN ? "frozen" : "recomputed";
    }

    public static NormScale parse(String text) {
        return switch (text) {
            case "frozen" -> FROZEN;
            case "recomputed" -> RECOMPUTED;
            default -> throw new InvalidInputException("unknown norm scale '" + text + "'; use frozen or recomputed");
        };
    }
}
