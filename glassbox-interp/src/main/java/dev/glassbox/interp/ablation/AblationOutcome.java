package dev.glassbox.interp.ablation;

import java.util.List;

/**
 * What one ablation did.
 *
 * @param metric the ablated run's metric (the mean over the resampled runs for resample ablation)
 * @param change metric minus the unablated run's metric
 * @param samples each resampled run's metric (one entry for zero and mean ablation)
 * @param prediction the ablated run's answer at the metric's position (of the first sample)
 */
public record AblationOutcome(String component, Integer position, AblationKind kind, double metric, double change,
        List<Double> samples, String prediction) {
    public AblationOutcome {
        samples = List.copyOf(samples);
    }
}
