package dev.glassbox.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels with the Vector API: each loop runs over whole vectors of {@code SPECIES.length()} lanes
 * and finishes the tail with scalar code. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {}

    static Kernels create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            acc = FloatVector.fromArray(SPECIES, a, aOff + i).fma(FloatVector.fromArray(SPECIES, b, bOff + i), acc);
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    @Override
    public void matVec(float[] w, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = dot(w, r * cols, x, xOff, cols);
        }
    }

    /**
     * Rows outermost so each weight row is read from memory once per batch; four inputs at a time
     * share every loaded weight vector.
     */
    @Override
    public void matMul(float[] w, int rows, int cols, float[] x, int xOff, int n, float[] y, int yOff) {
        int bound = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                dot4(w, row, x, xOff + i * cols, cols, bound, y, yOff + i * rows + r, rows);
            }
            for (; i < n; i++) {
                y[yOff + i * rows + r] = dot(w, row, x, xOff + i * cols, cols);
            }
        }
    }

    /** Four dot products of one weight row with four consecutive inputs; results go {@code yStride} apart. */
    private static void dot4(float[] w, int row, float[] x, int x0, int cols, int bound,
            float[] y, int y0, int yStride) {
        int x1 = x0 + cols, x2 = x1 + cols, x3 = x2 + cols;
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
        int c = 0;
        for (; c < bound; c += SPECIES.length()) {
            FloatVector wv = FloatVector.fromArray(SPECIES, w, row + c);
            a0 = wv.fma(FloatVector.fromArray(SPECIES, x, x0 + c), a0);
            a1 = wv.fma(FloatVector.fromArray(SPECIES, x, x1 + c), a1);
            a2 = wv.fma(FloatVector.fromArray(SPECIES, x, x2 + c), a2);
            a3 = wv.fma(FloatVector.fromArray(SPECIES, x, x3 + c), a3);
        }
        float s0 = LaneSums.sum(a0), s1 = LaneSums.sum(a1);
        float s2 = LaneSums.sum(a2), s3 = LaneSums.sum(a3);
        for (; c < cols; c++) {
            float wc = w[row + c];
            s0 += wc * x[x0 + c];
            s1 += wc * x[x1 + c];
            s2 += wc * x[x2 + c];
            s3 += wc * x[x3 + c];
        }
        y[y0] = s0;
        y[y0 + yStride] = s1;
        y[y0 + 2 * yStride] = s2;
        y[y0 + 3 * yStride] = s3;
    }

    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, xOff + i);
            xv.fma(FloatVector.broadcast(SPECIES, a), FloatVector.fromArray(SPECIES, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    @Override
    public void softmax(float[] x, int off, int n) {
        int bound = SPECIES.loopBound(n);
        FloatVector maxV = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            maxV = maxV.max(FloatVector.fromArray(SPECIES, x, off + i));
        }
        float max = maxV.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(x, off, off + n, 0f);
            return;
        }
        FloatVector sumV = FloatVector.zero(SPECIES);
        for (i = 0; i < bound; i += SPECIES.length()) {
            FloatVector e = FloatVector.fromArray(SPECIES, x, off + i).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(x, off + i);
            sumV = sumV.add(e);
        }
        float sum = LaneSums.sum(sumV);
        for (; i < n; i++) {
            float e = (float) Math.exp(x[off + i] - max);
            x[off + i] = e;
            sum += e;
        }
        scale(x, off, n, 1f / sum);
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        float sumSquares = dot(x, xOff, x, xOff, n);
        float scale = (float) (1.0 / Math.sqrt(sumSquares / n + eps));
        scaleTimesWeight(x, xOff, 0f, scale, weight, out, outOff, n);
    }

    @Override
    public void layerNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        int bound = SPECIES.loopBound(n);
        FloatVector sumV = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            sumV = sumV.add(FloatVector.fromArray(SPECIES, x, xOff + i));
        }
        float sum = LaneSums.sum(sumV);
        for (; i < n; i++) {
            sum += x[xOff + i];
        }
        float mean = sum / n;
        FloatVector sqV = FloatVector.zero(SPECIES);
        for (i = 0; i < bound; i += SPECIES.length()) {
            FloatVector d = FloatVector.fromArray(SPECIES, x, xOff + i).sub(mean);
            sqV = d.fma(d, sqV);
        }
        float sumSquares = LaneSums.sum(sqV);
        for (; i < n; i++) {
            float d = x[xOff + i] - mean;
            sumSquares += d * d;
        }
        float scale = (float) (1.0 / Math.sqrt(sumSquares / n + eps));
        scaleTimesWeight(x, xOff, mean, scale, weight, out, outOff, n);
    }

    /** out_i = (x_i - shift) * scale * weight_i. */
    private static void scaleTimesWeight(float[] x, int xOff, float shift, float scale, float[] weight,
            float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, xOff + i).sub(shift).mul(scale)
                    .mul(FloatVector.fromArray(SPECIES, weight, i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = (x[xOff + i] - shift) * scale * weight[i];
        }
    }

    private static void scale(float[] x, int off, int n, float factor) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, off + i).mul(factor).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] *= factor;
        }
    }

    @Override
    public void relu(float[] x, int off, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, off + i).max(0f).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = Math.max(x[off + i], 0f);
        }
    }

    @Override
    public void geluTanh(float[] x, int off, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, off + i);
            FloatVector inner = v.mul(v).mul(v).mul(ScalarKernels.GELU_CUBIC).add(v).mul(ScalarKernels.SQRT_2_OVER_PI);
            v.mul(0.5f).mul(inner.lanewise(VectorOperators.TANH).add(1f)).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = ScalarKernels.geluTanh(x[off + i]);
        }
    }

    @Override
    public void silu(float[] x, int off, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, off + i);
            v.div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = (float) (x[off + i] / (1.0 + Math.exp(-x[off + i])));
        }
    }
}
