package dev.glassbox.interp.patching;

import dev.glassbox.core.InvalidInputException;

/**
 * Which way activations flow. Effects are normalised so 1 is the whole way and 0 no change, with m the
 * patched run's metric and c, k the clean and corrupt runs' metrics:
 * <pre>
 *   denoising (clean into the corrupt run):   (m - k) / (c - k)     1 = fully restored
 *   noising   (corrupt into the clean run):   (c - m) / (c - k)     1 = fully destroyed
 * </pre>
 */
public enum Direction {
    DENOISING,
    NOISING;

    /** Whether the run being patched is the clean one (noising) rather than the corrupt one. */
    public boolean patchesCleanRun() {
        return this == NOISING;
    }

    public double normalise(double patched, double clean, double corrupt) {
        double range = clean - corrupt;
        return this == DENOISING ? (patched - corrupt) / range : (clean - patched) / range;
    }

    public String label() {
        return this == DENOISING ? "denoising" : "noising";
    }

    public static Direction parse(String text) {
        return switch (text) {
            case "denoising" -> DENOISING;
            case "noising" -> NOISING;
            default -> throw new InvalidInputException("unknown direction '" + text + "'; use denoising or noising");
        };
    }
}
