package dev.glassbox.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vector kernels against the scalar oracle, on random data of awkward lengths and offsets. */
class KernelsAgreementTest {
    private static final Kernels SCALAR = Kernels.scalar();
    private static final Kernels VECTOR = Kernels.vector();

    private final Random random = new Random(42);

    private float[] randomArray(int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (random.nextFloat() * 2 - 1) * scale;
        return a;
    }

    private static void assertClose(float[] expected, float[] actual, float tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            float bound = tolerance * Math.max(1f, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], bound, "index " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 15, 16, 17, 63, 100, 257})
    void dotAgrees(int n) {
        float[] a = randomArray(n + 5, 1f), b = randomArray(n + 3, 1f);
        assertEquals(SCALAR.dot(a, 5, b, 3, n), VECTOR.dot(a, 5, b, 3, n), 1e-4f * Math.max(1, n));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16, 33})
    void matVecAgrees(int cols) {
        int rows = 7;
        float[] w = randomArray(rows * cols, 1f), x = randomArray(cols + 2, 1f);
        float[] expected = new float[rows + 1], actual = new float[rows + 1];
        SCALAR.matVec(w, rows, cols, x, 2, expected, 1);
        VECTOR.matVec(w, rows, cols, x, 2, actual, 1);
        assertClose(expected, actual, 1e-5f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 9})
    void matMulAgreesAndEqualsRepeatedMatVec(int n) {
        int rows = 6, cols = 19;
        float[] w = randomArray(rows * cols, 1f), x = randomArray(n * cols + 1, 1f);
        float[] expected = new float[n * rows], actual = new float[n * rows];
        for (int i = 0; i < n; i++) SCALAR.matVec(w, rows, cols, x, 1 + i * cols, expected, i * rows);
        VECTOR.matMul(w, rows, cols, x, 1, n, actual, 0);
        assertClose(expected, actual, 1e-5f);
        float[] scalarBatch = new float[n * rows];
        SCALAR.matMul(w, rows, cols, x, 1, n, scalarBatch, 0);
        assertClose(expected, scalarBatch, 0f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 41})
    void axpyAgrees(int n) {
        float[] x = randomArray(n, 1f), y1 = randomArray(n, 1f), y2 = y1.clone();
        SCALAR.axpy(0.7f, x, 0, y1, 0, n);
        VECTOR.axpy(0.7f, x, 0, y2, 0, n);
        assertClose(y1, y2, 1e-6f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 9, 16, 50, 131})
    void softmaxAgrees(int n) {
        float[] a = randomArray(n + 2, 20f);
        int masked = 2 + n / 2;
        if (n > 1) a[masked] = Float.NEGATIVE_INFINITY;
        float[] b = a.clone();
        SCALAR.softmax(a, 2, n);
        VECTOR.softmax(b, 2, n);
        assertClose(a, b, 1e-5f);
        if (n > 1) assertEquals(0f, a[masked]);
    }

    @Test
    void softmaxOfNothingVisibleIsZero() {
        float[] a = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, b = a.clone();
        SCALAR.softmax(a, 0, 2);
        VECTOR.softmax(b, 0, 2);
        assertClose(new float[] {0, 0}, a, 0f);
        assertClose(new float[] {0, 0}, b, 0f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 13, 64, 77})
    void normsAgree(int n) {
        float[] x = randomArray(n + 1, 3f), w = randomArray(n, 1f);
        float[] rms1 = new float[n], rms2 = new float[n], ln1 = new float[n], ln2 = new float[n];
        SCALAR.rmsNorm(x, 1, w, 1e-5f, rms1, 0, n);
        VECTOR.rmsNorm(x, 1, w, 1e-5f, rms2, 0, n);
        SCALAR.layerNorm(x, 1, w, 1e-5f, ln1, 0, n);
        VECTOR.layerNorm(x, 1, w, 1e-5f, ln2, 0, n);
        assertClose(rms1, rms2, 1e-5f);
        assertClose(ln1, ln2, 1e-4f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 23, 100})
    void activationsAgree(int n) {
        float[] x = randomArray(n, 6f);
        float[][] pairs = {x.clone(), x.clone(), x.clone(), x.clone(), x.clone(), x.clone()};
        SCALAR.relu(pairs[0], 0, n);
        VECTOR.relu(pairs[1], 0, n);
        SCALAR.geluTanh(pairs[2], 0, n);
        VECTOR.geluTanh(pairs[3], 0, n);
        SCALAR.silu(pairs[4], 0, n);
        VECTOR.silu(pairs[5], 0, n);
        assertClose(pairs[0], pairs[1], 0f);
        assertClose(pairs[2], pairs[3], 1e-5f);
        assertClose(pairs[4], pairs[5], 1e-5f);
    }
}
