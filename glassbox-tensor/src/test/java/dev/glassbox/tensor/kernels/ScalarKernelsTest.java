package dev.glassbox.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The oracle itself, against values worked out by hand. */
class ScalarKernelsTest {
    private final Kernels k = Kernels.scalar();

    @Test
    void matVecComputesRowsTimesInput() {
        float[] w = {1, 2, 3, 4, 5, 6}; // 2 rows, 3 cols
        float[] y = new float[2];
        k.matVec(w, 2, 3, new float[] {1, 0, -1}, 0, y, 0);
        assertArrayEquals(new float[] {-2, -2}, y);
    }

    @Test
    void softmaxOfEqualValuesIsUniformAndMaskedIsZero() {
        float[] x = {3, 3, Float.NEGATIVE_INFINITY, 3};
        k.softmax(x, 0, 4);
        assertArrayEquals(new float[] {1f / 3, 1f / 3, 0, 1f / 3}, x, 1e-7f);
    }

    @Test
    void rmsNormScalesToUnitRootMeanSquare() {
        float[] out = new float[2];
        k.rmsNorm(new float[] {3, 4}, 0, new float[] {1, 2}, 0f, out, 0, 2);
        float rms = (float) Math.sqrt(12.5);
        assertArrayEquals(new float[] {3 / rms, 8 / rms}, out, 1e-6f);
    }

    @Test
    void layerNormCentresAndScales() {
        float[] out = new float[2];
        k.layerNorm(new float[] {1, 3}, 0, new float[] {1, 1}, 0f, out, 0, 2);
        assertArrayEquals(new float[] {-1, 1}, out, 1e-6f);
    }

    @Test
    void activationsAtKnownPoints() {
        float[] x = {-1, 0, 2};
        k.relu(x, 0, 3);
        assertArrayEquals(new float[] {0, 0, 2}, x);
        float[] g = {1f};
        k.geluTanh(g, 0, 1);
        assertEquals(0.8411920f, g[0], 1e-6f);
        float[] s = {1f};
        k.silu(s, 0, 1);
        assertEquals((float) (1 / (1 + Math.exp(-1))), s[0], 1e-7f);
    }
}
