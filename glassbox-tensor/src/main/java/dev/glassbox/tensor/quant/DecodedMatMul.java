package dev.glassbox.tensor.quant;

import dev.glassbox.tensor.kernels.LaneSums;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product of encoded rows with a batch of inputs (a prompt), on decoded floats: up to 16 rows at a time
 * ({@link #blockRows}) are decoded once, then multiplied with the inputs 4 at a time in tiles of 4 rows, so
 * that each weight vector loaded serves 4 inputs and each input vector 4 rows (16 accumulators in registers):
 * <pre>
 *   for each block of 16 rows:   W = decode(rows r..r+15)                     once per batch
 *     for each 4 inputs:          for each tile of 4 rows in W:  y[i][r'] = W[r'] . x[i]  for the 16 pairs
 * </pre>
 * Every (row, input) pair is summed exactly as {@code Kernels.vector().dot} sums it: one accumulator of
 * lane-wise FMAs in column order, its lanes summed in {@link LaneSums}' order, then the columns past the
 * last whole vector in order. So the shape of a tile never changes a value, and rows may be shared out
 * between threads in any way with the same result. On one core of the benchmark machine (AVX-512) this runs
 * at about 65-80 GFLOP/s, against 117 for a loop of nothing but multiply-adds in registers.
 */
final class DecodedMatMul {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    static final int ROWS = 4;
    static final int INPUTS = 4;

    /**
     * Each thread's decoded rows, kept between calls: a prompt's pass makes hundreds of calls per thread, and
     * a fresh 160 kB array each time was most of the garbage a prompt made (the collections it caused moved
     * the prompt's own live activations into the old generation, which then stayed resident).
     */
    private static final ThreadLocal<float[]> DECODED = ThreadLocal.withInitial(() -> new float[0]);

    private DecodedMatMul() {}

    /** Rows from..to-1 of Y[i] = W X[i] for the n inputs (X[i] at xOff + i*cols, Y[i] at yOff + i*rows). */
    static void rows(GgmlType type, MemorySegment w, int rows, int cols, int from, int to, float[] x, int xOff, int n,
            float[] y, int yOff) {
        long rowBytes = type.rowBytes(cols);
        int block = blockRows(cols);
        float[] decoded = DECODED.get(), lanes = new float[ROWS * INPUTS * FL];
        if (decoded.length < block * cols) DECODED.set(decoded = new float[block * cols]);
        for (int r = from; r < to; r += block) {
            int count = Math.min(block, to - r), tiles = count / ROWS;
            for (int k = 0; k < count; k++) VectorDecode.row(type, w, (r + k) * rowBytes, decoded, k * cols, cols);
            int i = 0;
            for (; i + INPUTS <= n; i += INPUTS) {
                for (int t = 0; t < tiles; t++) {
                    tile4x4(decoded, t * ROWS * cols, cols, x, xOff + i * cols, y, yOff + i * rows + r + t * ROWS, rows, lanes);
                }
            }
            for (int k = 0; k < count; k++) {
                for (int j = (k < tiles * ROWS ? i : 0); j < n; j++) {
                    y[yOff + j * rows + r + k] = dot(decoded, k * cols, x, xOff + j * cols, cols);
                }
            }
        }
    }

    /**
     * Rows decoded at a time: up to 16 (so that each input's results fill whole cache lines of Y, one store
     * miss per line instead of four), as long as they take at most 160 kB (they are read once per 4 inputs
     * and should stay in the 1 MB level-2 cache); at least one tile.
     */
    static int blockRows(int cols) {
        return Math.clamp(40_960 / cols / ROWS * ROWS, ROWS, 16);
    }

    /** sum_c a[aOff + c] * b[bOff + c], summed as {@code Kernels.vector().dot}. */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int c = 0;
        for (int bound = F.loopBound(n); c < bound; c += FL) {
            acc = FloatVector.fromArray(F, a, aOff + c).fma(FloatVector.fromArray(F, b, bOff + c), acc);
        }
        float sum = LaneSums.sum(acc);
        for (; c < n; c++) sum += a[aOff + c] * b[bOff + c];
        return sum;
    }

    /**
     * The 16 products of the 4 rows of {@code w} from {@code w0} (each {@code cols} long) with inputs x0..x0+3*cols; the
     * result of row k and input i goes to y[y0 + i*yStride + k]. {@code lanes} is scratch for 16 vectors.
     */
    private static void tile4x4(float[] w, int w0, int cols, float[] x, int x0, float[] y, int y0, int yStride,
            float[] lanes) {
        int w1 = w0 + cols, w2 = w1 + cols, w3 = w2 + cols;
        int x1 = x0 + cols, x2 = x1 + cols, x3 = x2 + cols;
        FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        int c = 0;
        for (int bound = F.loopBound(cols); c < bound; c += FL) {
            FloatVector v0 = FloatVector.fromArray(F, x, x0 + c), v1 = FloatVector.fromArray(F, x, x1 + c);
            FloatVector v2 = FloatVector.fromArray(F, x, x2 + c), v3 = FloatVector.fromArray(F, x, x3 + c);
            FloatVector r = FloatVector.fromArray(F, w, w0 + c);
            a00 = r.fma(v0, a00); a01 = r.fma(v1, a01); a02 = r.fma(v2, a02); a03 = r.fma(v3, a03);
            r = FloatVector.fromArray(F, w, w1 + c);
            a10 = r.fma(v0, a10); a11 = r.fma(v1, a11); a12 = r.fma(v2, a12); a13 = r.fma(v3, a13);
            r = FloatVector.fromArray(F, w, w2 + c);
            a20 = r.fma(v0, a20); a21 = r.fma(v1, a21); a22 = r.fma(v2, a22); a23 = r.fma(v3, a23);
            r = FloatVector.fromArray(F, w, w3 + c);
            a30 = r.fma(v0, a30); a31 = r.fma(v1, a31); a32 = r.fma(v2, a32); a33 = r.fma(v3, a33);
        }
        // The 16 lane sums in scalar code: as many inlined vector sums would exceed the JIT's inlining budget,
        // and a vector handed to a method that is not inlined becomes an object.
        a00.intoArray(lanes, 0); a01.intoArray(lanes, FL); a02.intoArray(lanes, 2 * FL); a03.intoArray(lanes, 3 * FL);
        a10.intoArray(lanes, 4 * FL); a11.intoArray(lanes, 5 * FL); a12.intoArray(lanes, 6 * FL); a13.intoArray(lanes, 7 * FL);
        a20.intoArray(lanes, 8 * FL); a21.intoArray(lanes, 9 * FL); a22.intoArray(lanes, 10 * FL); a23.intoArray(lanes, 11 * FL);
        a30.intoArray(lanes, 12 * FL); a31.intoArray(lanes, 13 * FL); a32.intoArray(lanes, 14 * FL); a33.intoArray(lanes, 15 * FL);
        for (int k = 0; k < ROWS; k++) {
            for (int i = 0; i < INPUTS; i++) {
                float sum = LaneSums.sum(lanes, (k * INPUTS + i) * FL);
                y[y0 + i * yStride + k] = tail(sum, w, w0 + k * cols, x, x0 + i * cols, c, cols);
            }
        }
    }

    /** sum, plus w[wOff + j] * x[xOff + j] for the columns j = c..cols-1 past the last whole vector, in order. */
    private static float tail(float sum, float[] w, int wOff, float[] x, int xOff, int c, int cols) {
        for (; c < cols; c++) sum += w[wOff + c] * x[xOff + c];
        return sum;
    }
}
