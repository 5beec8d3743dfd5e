package dev.glassbox.interp.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    @Test
    void pearsonOfALinearMapIsItsSign() {
        double[] a = {1, 2, 3, 5};
        assertEquals(1, Correlation.pearson(a, new double[] {3, 5, 7, 11}), 1e-12);
        assertEquals(-1, Correlation.pearson(a, new double[] {-1, -2, -3, -5}), 1e-12);
        assertTrue(Double.isNaN(Correlation.pearson(a, new double[] {2, 2, 2, 2})), "a constant list has no correlation");
    }

    @Test
    void spearmanSeesOnlyTheOrderAndTiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {0, 1.5, 1.5, 3}, Correlation.ranks(new double[] {-4, 7, 7, 9}));
        assertEquals(1, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 10, 100, 1000}), 1e-12);
    }
}
