package dev.glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** FloatMatrix's fast paths against the slow element-by-element defaults of WeightMatrix. */
class FloatMatrixTest {
    private final FloatMatrix m = random(5, 11);

    /** The same matrix seen only through get(), so the interface defaults run. */
    private final WeightMatrix slow = new WeightMatrix() {
        public int rows() { return m.rows(); }
        public int cols() { return m.cols(); }
        public float get(int r, int c) { return m.get(r, c); }
        public void matVec(float[] x, int xOff, float[] y, int yOff) {
            for (int r = 0; r < rows(); r++) {
                float s = 0;
                for (int c = 0; c < cols(); c++) s += get(r, c) * x[xOff + c];
                y[yOff + r] = s;
            }
        }
    };

    private static FloatMatrix random(int rows, int cols) {
        Random random = new Random(7);
        FloatMatrix m = FloatMatrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) m.data()[i] = random.nextFloat() - 0.5f;
        return m;
    }

    @Test
    void matMulMatchesDefault() {
        float[] x = random(3, 11).data();
        float[] fast = new float[15], reference = new float[15];
        m.matMul(x, 0, 3, fast, 0);
        slow.matMul(x, 0, 3, reference, 0);
        assertArrayEquals(reference, fast, 1e-5f);
    }

    @Test
    void columnBandMatchesDefault() {
        float[] x = {1, 2, 3, 4};
        float[] fast = new float[5], reference = new float[5];
        m.matVecColumns(4, 4, x, 0, fast, 0);
        slow.matVecColumns(4, 4, x, 0, reference, 0);
        assertArrayEquals(reference, fast, 1e-5f);
    }

    @Test
    void copyRowMatchesDefault() {
        float[] fast = new float[12], reference = new float[12];
        m.copyRow(3, fast, 1);
        slow.copyRow(3, reference, 1);
        assertArrayEquals(reference, fast);
    }
}
