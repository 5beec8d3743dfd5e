package dev.glassbox.interp.gradient;

import dev.glassbox.interp.metric.LogitDifference;
import dev.glassbox.interp.metric.Metric;
import dev.glassbox.interp.metric.OutputLogit;
import dev.glassbox.model.grad.LogitMetric;

/**
 * A patching {@link Metric} as the differentiable {@link LogitMetric} the backward pass starts from:
 * exactly for the logit and logit-difference metrics (whose gradient is ±1 at one or two logits), by
 * central differences over the row of logits the metric reads for any other.
 */
final class MetricGradient {
    private MetricGradient() {}

    static LogitMetric of(Metric metric) {
        return switch (metric) {
            case LogitDifference d -> LogitMetric.logitDifference(d.position(), d.output(), d.minus());
            case OutputLogit o -> LogitMetric.logit(o.position(), o.output());
            default -> new Numerical(metric);
        };
    }

    /**
     * ∂m/∂l_t ≈ (m(l + h e_t) − m(l − h e_t)) / 2h over the metric's position, h = 1e-3 max(1, |l_t|):
     * exact up to rounding for a linear metric, O(h²) otherwise. No model runs: only the metric is evaluated.
     */
    private record Numerical(Metric metric) implements LogitMetric {
        @Override
        public double value(float[][] logits) {
            return metric.measure(logits);
        }

        @Override
        public float[][] gradient(float[][] logits) {
            float[][] g = new float[logits.length][];
            for (int i = 0; i < logits.length; i++) g[i] = new float[logits[i].length];
            float[] row = logits[metric.position()];
            for (int t = 0; t < row.length; t++) {
                float saved = row[t];
                float h = 1e-3f * Math.max(1f, Math.abs(saved));
                row[t] = saved + h;
                double plus = metric.measure(logits);
                row[t] = saved - h;
                double minus = metric.measure(logits);
                row[t] = saved;
                g[metric.position()][t] = (float) ((plus - minus) / (2 * h));
            }
            return g;
        }
    }
}
