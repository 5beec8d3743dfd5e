package dev.glassbox.interp.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.metric.LogitDifference;
import dev.glassbox.interp.metric.Metric;
import dev.glassbox.interp.metric.OutputLogit;
import dev.glassbox.model.grad.LogitMetric;
import org.junit.jupiter.api.Test;

class MetricGradientTest {
    private final float[][] logits = {{0.5f, -1f, 2f}, {1f, 3f, -2f}};

    @Test
    void logitMetricsHaveTheirExactGradient() {
        float[][] g = MetricGradient.of(LogitDifference.of(1, 1, 2, "b", "c")).gradient(logits);
        assertEquals(1f, g[1][1]);
        assertEquals(-1f, g[1][2]);
        assertEquals(0f, g[0][1]);
        assertEquals(1f, MetricGradient.of(OutputLogit.of(0, 2, "c")).gradient(logits)[0][2]);
    }

    @Test
    void anyOtherMetricIsDifferentiatedNumericallyAtItsPosition() {
        Metric squared = new Metric() {
            public String description() { return "l[1][0]² + 3 l[1][1]"; }
            public int position() { return 1; }
            public double measure(float[][] l) { return l[1][0] * l[1][0] + 3 * l[1][1]; }
        };
        LogitMetric m = MetricGradient.of(squared);
        float[][] g = m.gradient(logits);
        assertEquals(2.0, g[1][0], 1e-3);
        assertEquals(3.0, g[1][1], 1e-3);
        assertEquals(0.0, g[1][2], 1e-6);
        assertEquals(squared.measure(logits), m.value(logits));
    }
}
