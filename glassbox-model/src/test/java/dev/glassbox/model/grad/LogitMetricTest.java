package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogitMetricTest {
    private final float[][] logits = randomLogits(4, 9, new Random(3));

    @Test
    void eachMetricsGradientIsItsDerivative() {
        float[][] coefficients = randomLogits(4, 9, new Random(4));
        for (LogitMetric metric : List.of(LogitMetric.logit(2, 5), LogitMetric.logitDifference(3, 1, 7),
                LogitMetric.logProb(0, 4), LogitMetric.sumLogProbs(new int[] {1, 2, 3}), LogitMetric.linear(coefficients))) {
            float[][] g = metric.gradient(logits);
            for (int i = 0; i < logits.length; i++) {
                for (int t = 0; t < logits[i].length; t++) {
                    float saved = logits[i][t];
                    float h = 1f / 256; // exact in float: x ± h rounds only in the last bits of x
                    logits[i][t] = saved + h;
                    double plus = metric.value(logits);
                    logits[i][t] = saved - h;
                    double minus = metric.value(logits);
                    logits[i][t] = saved;
                    assertEquals((plus - minus) / (2 * h), g[i][t], 1e-4, metric + " at " + i + "," + t);
                }
            }
        }
    }

    @Test
    void logProbIsALogProbability() {
        double sum = 0;
        for (int t = 0; t < 9; t++) sum += Math.exp(LogitMetric.logProb(1, t).value(logits));
        assertEquals(1, sum, 1e-9);
        float[][] huge = {{1000f, 0f, -1000f}};
        assertEquals(0, LogitMetric.logProb(0, 0).value(huge), 1e-12, "no overflow");
        assertTrue(Double.isFinite(LogitMetric.logProb(0, 2).value(huge)));
    }

    @Test
    void outOfRangeReadsAreUserErrorsThatSayTheRange() {
        var e = assertThrows(InvalidInputException.class, () -> LogitMetric.logit(4, 0).value(logits));
        assertTrue(e.getMessage().contains("[0, 4)"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> LogitMetric.logitDifference(0, 1, 9).gradient(logits));
        assertTrue(e.getMessage().contains("[0, 9)"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> LogitMetric.linear(new float[2][9]).value(logits));
    }

    private static float[][] randomLogits(int n, int v, Random random) {
        float[][] l = new float[n][v];
        for (float[] row : l) for (int t = 0; t < v; t++) row[t] = (float) random.nextGaussian() * 2;
        return l;
    }
}
