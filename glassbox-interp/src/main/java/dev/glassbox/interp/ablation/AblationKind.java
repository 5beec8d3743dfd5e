package dev.glassbox.interp.ablation;

import dev.glassbox.core.InvalidInputException;

/** What an ablated activation is replaced with. */
public enum AblationKind {
    /** zeros */
    ZERO,
    /** its mean over a prompt set, position by position */
    MEAN,
    /** its value on other prompts, one run per prompt, the metric averaged (resample ablation) */
    RESAMPLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AblationKind parse(String text) {
        return switch (text) {
            case "zero" -> ZERO;
            case "mean" -> MEAN;
            case "resample" -> RESAMPLE;
            default -> throw new InvalidInputException("unknown ablation '" + text + "'; use zero, mean or resample");
        };
    }
}
