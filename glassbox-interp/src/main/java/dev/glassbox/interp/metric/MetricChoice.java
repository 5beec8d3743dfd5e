package dev.glassbox.interp.metric;

/**
 * Picks the metric once the clean and corrupt runs are known, so an engine can choose "the difference
 * between the clean and the corrupt answer" without running the model again.
 */
@FunctionalInterface
public interface MetricChoice {

    Metric choose(float[][] cleanLogits, float[][] corruptLogits);

    static MetricChoice fixed(Metric metric) {
        return (clean, corrupt) -> metric;
    }
}
