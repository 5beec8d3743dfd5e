package dev.glassbox.interp.ablation;

import java.util.List;

/**
 * Ablations of one prompt.
 *
 * @param metric what was measured, in words
 * @param baselineMetric the metric of the unablated run
 * @param baselinePrediction the unablated run's answer at the metric's position
 */
public record AblationResult(String metric, double baselineMetric, String baselinePrediction,
        List<AblationOutcome> outcomes, int forwardPasses, List<String> tokens) {
    public AblationResult {
        outcomes = List.copyOf(outcomes);
        tokens = List.copyOf(tokens);
    }

    public AblationOutcome outcome(String component) {
        return outcomes.stream().filter(o -> o.component().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ablation of " + component));
    }
}
