package dev.glassbox.rasp;

/**
 * How an S-Op is laid out in the residual stream: one direction per value (categorical, the default),
 * or a single direction whose magnitude is the value (numerical; numbers only).
 */
public enum Encoding {
    CATEGORICAL, NUMERICAL;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
