package dev.glassbox.model.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.CachedRun;
import dev.glassbox.model.TestModels;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.kernels.Kernels;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each op's backward against central differences of its forward formula, in double: for a random
 * upstream gradient dy, the scalar L(x) = Σ dy · f(x) has ∂L/∂x = the op's backward of dy. Each double
 * formula is first checked against the runtime's own kernel, so the check is of the function that runs.
 *
 * <p>Threshold: 1e-5 of the largest component. The difference quotient (h = 1e-6, double) is good to
 * about 1e-9; the backward computes in double and rounds its output to float (6e-8 relative), so 1e-5
 * only fails on a wrong formula.
 */
class OpGradientTest {
    private static final double TOLERANCE = 1e-5;
    private final Random random = new Random(7);

    @ParameterizedTest
    @EnumSource(Norm.class)
    void normBackwardIsTheDerivativeOfTheNorm(Norm kind) {
        int width = 16, rows = 3;
        float eps = 1e-5f;
        float[] x = gaussian(rows * width, 1.5), w = gaussian(width, 1), dy = gaussian(rows * width, 1);
        if (kind != Norm.NONE) {
            float[] kernel = new float[x.length], mine = toFloat(DoubleOps.norm(kind, toDouble(x), w, eps, width));
            for (int r = 0; r < rows; r++) {
                if (kind == Norm.RMS_NORM) Kernels.scalar().rmsNorm(x, r * width, w, eps, kernel, r * width, width);
                else Kernels.scalar().layerNorm(x, r * width, w, eps, kernel, r * width, width);
            }
            assertArrayEquals(kernel, mine, 1e-5f, "the double formula is the kernel's");
        }
        double[] expected = CentralDifferences.gradient(
                v -> DoubleOps.dot(dy, DoubleOps.norm(kind, v, w, eps, width)), toDouble(x));
        float[] actual = new NormBackward(kind, eps, width).backward(x, w, dy, rows);
        assertSmall(actual, expected);
    }

    @Test
    void softmaxBackwardIsTheDerivativeOfSoftmaxAndZeroOnMaskedKeys() {
        int n = 7;
        float[] s = gaussian(n, 2);
        s[2] = Float.NEGATIVE_INFINITY;
        float[] p = s.clone();
        Kernels.scalar().softmax(p, 0, n);
        assertArrayEquals(p, toFloat(DoubleOps.softmax(toDouble(s))), 1e-6f, "the double formula is the kernel's");
        float[] dp = gaussian(n, 1), ds = new float[n];
        Softmax.backward(p, dp, ds, 0, n);
        double[] expected = CentralDifferences.gradient(v -> DoubleOps.dot(dp, DoubleOps.softmax(v)), toDouble(s));
        expected[2] = 0; // −inf ± h is −inf: a masked score has no gradient
        assertSmall(ds, expected);
        assertEquals(0f, ds[2]);
    }

    @Test
    void softcapDerivativeIsOneMinusTheSquareOfTheCappedRatio() {
        float cap = 3f;
        for (double x : new double[] {-7, -2, -0.1, 0, 0.4, 2.5, 9}) {
            float y = (float) (cap * Math.tanh(x / cap));
            double fd = (cap * Math.tanh((x + 1e-6) / cap) - cap * Math.tanh((x - 1e-6) / cap)) / 2e-6;
            assertEquals(fd, Softcap.derivative(y, cap), 1e-6, "at " + x);
        }
        assertEquals(0f, Softcap.derivative(Float.NEGATIVE_INFINITY, cap), "a masked score");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationDerivativeIsTheDerivativeOfTheKernel(Activation kind) {
        float[] x = gaussian(64, 2.5);
        float[] kernel = ActivationDerivative.apply(kind, x, Kernels.scalar());
        for (int e = 0; e < x.length; e++) {
            assertEquals(kernel[e], DoubleOps.activation(kind, x[e]), 1e-6, "the double formula is the kernel's");
            if (kind == Activation.RELU && Math.abs(x[e]) < 1e-3) continue; // the kink
            double xe = x[e];
            double fd = (DoubleOps.activation(kind, xe + 1e-6) - DoubleOps.activation(kind, xe - 1e-6)) / 2e-6;
            assertEquals(fd, ActivationDerivative.derivative(kind, xe), 1e-8 * (1 + Math.abs(fd)), kind + " at " + xe);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Positions.class, names = {"ROPE_INTERLEAVED", "ROPE_HALF"})
    void rotaryBackwardIsTheTransposedRotation(Positions style) {
        TransformerConfig config = style == Positions.ROPE_HALF ? TestModels.llama() : TestModels.llamaInterleaved();
        int n = 5, heads = config.nHeads(), dHead = config.dHead();
        Transformer model = new Transformer(config, TestModels.randomWeights(config, 3));
        CachedRun run = model.runWithCache(TestModels.randomTokens(config, n, 4), name -> name.startsWith("blocks.0.attn.hook_"));
        float[] q = run.cache().get(0, "attn.hook_q").data(), rotated = run.cache().get(0, "attn.hook_rot_q").data();
        assertArrayEquals(rotated, toFloat(DoubleOps.rotate(style, toDouble(q), n, heads, dHead, config.ropeTheta())), 1e-5f,
                "the double formula is the runtime's rotation");

        float[] dy = gaussian(q.length, 1);
        double[] expected = CentralDifferences.gradient(
                v -> DoubleOps.dot(dy, DoubleOps.rotate(style, v, n, heads, dHead, config.ropeTheta())), toDouble(q));
        float[] actual = dy.clone();
        new RotaryBackward(style, dHead, config.ropeTheta()).backward(actual, n, heads);
        assertSmall(actual, expected);
    }

    @Test
    void transposedProductIsTheDerivativeOfTheLinearMap() {
        int rows = 9, cols = 6, n = 4;
        FloatMatrix dense = new FloatMatrix(rows, cols, gaussian(rows * cols, 1));
        WeightMatrix opaque = new WeightMatrix() { // not dense floats: exercises the copyRow path
            public int rows() { return rows; }
            public int cols() { return cols; }
            public float get(int r, int c) { return dense.get(r, c); }
            public void matVec(float[] x, int xOff, float[] y, int yOff) { dense.matVec(x, xOff, y, yOff); }
        };
        float[] dy = gaussian(n * rows, 1);
        for (int i = 0; i < n; i++) dy[i * rows + 4] = 0f; // a row no position needs: skipped
        float[] x = gaussian(n * cols, 1);
        double[] expected = CentralDifferences.gradient(v -> {
            double sum = 0;
            for (int i = 0; i < n; i++)
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++) sum += dy[i * rows + r] * dense.get(r, c) * v[i * cols + c];
            return sum;
        }, toDouble(x));
        for (WeightMatrix w : new WeightMatrix[] {dense, opaque}) {
            assertSmall(Transposed.times(w, dy, n, Kernels.preferred()), expected);
        }
    }

    private static void assertSmall(float[] actual, double[] expected) {
        double error = CentralDifferences.relativeError(actual, expected);
        assertTrue(error < TOLERANCE, "relative error " + error);
    }

    private float[] gaussian(int size, double scale) {
        float[] v = new float[size];
        for (int e = 0; e < size; e++) v[e] = (float) (random.nextGaussian() * scale);
        return v;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int e = 0; e < v.length; e++) d[e] = v[e];
        return d;
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int e = 0; e < v.length; e++) f[e] = (float) v[e];
        return f;
    }
}
