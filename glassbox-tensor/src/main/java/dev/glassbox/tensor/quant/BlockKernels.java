package dev.glassbox.tensor.quant;

import dev.glassbox.tensor.kernels.Kernels;
import java.lang.foreign.MemorySegment;

/**
 * Products of ggml-encoded weight rows with float activations. Two implementations answer the same
 * calls, as with {@link Kernels}: {@link #scalar()}, which decodes each block with ggml's formula and
 * then multiplies (the oracle), and {@link #vector()}, which decodes inside Vector API registers and never
 * writes the weights out as floats. Activations stay float32 in both: the product is exactly that of the
 * dequantized matrix, up to summation order (llama.cpp instead rounds activations to 8 bits for its
 * quantized dot products; Glassbox keeps them exact so that hooks see the model's own numbers).
 *
 * <p>A matrix is {@code rows} rows of {@code cols} values, each row {@code type.rowBytes(cols)} bytes,
 * one after another from offset 0 of the segment.
 */
public interface BlockKernels {

    /** "scalar" or "vector". */
    String name();

    /** sum_{c < n} w_c * x[xOff + c] for the {@code n} values (whole blocks) encoded at {@code at} of {@code w}. */
    float dot(GgmlType type, MemorySegment w, long at, float[] x, int xOff, int n);

    /** y[yOff + r] = row r · x for every row. */
    default void matVec(GgmlType type, MemorySegment w, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        long rowBytes = type.rowBytes(cols);
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = dot(type, w, r * rowBytes, x, xOff, cols);
        }
    }

    /**
     * The product for {@code n} inputs stored one after another (X[i] at {@code xOff + i*cols}, Y[i] at
     * {@code yOff + i*rows}), rows outermost so each encoded row is read from memory once per batch.
     */
    default void matMul(GgmlType type, MemorySegment w, int rows, int cols, float[] x, int xOff, int n,
            float[] y, int yOff) {
        matMulRows(type, w, rows, cols, 0, rows, x, xOff, n, y, yOff);
    }

    /**
     * Rows {@code from}..{@code to}-1 of {@link #matMul}, each value exactly as matMul computes it, so that
     * threads sharing out the rows get the same result as one thread.
     */
    default void matMulRows(GgmlType type, MemorySegment w, int rows, int cols, int from, int to, float[] x, int xOff,
            int n, float[] y, int yOff) {
        long rowBytes = type.rowBytes(cols);
        for (int r = from; r < to; r++) {
            for (int i = 0; i < n; i++) {
                y[yOff + i * rows + r] = dot(type, w, r * rowBytes, x, xOff + i * cols, cols);
            }
        }
    }

    /** The plain reference, always available. */
    static BlockKernels scalar() {
        return ScalarBlockKernels.INSTANCE;
    }

    /**
     * The Vector API version.
     *
     * @throws IllegalStateException when the JVM runs without {@code --add-modules jdk.incubator.vector}
     */
    static BlockKernels vector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("the vector kernels need the JVM flag --add-modules jdk.incubator.vector;"
                    + " add it, or run with -Dglassbox.kernels=scalar");
        }
        return VectorBlockKernels.INSTANCE;
    }

    /** The same choice as {@link Kernels#preferred()} (the {@code glassbox.kernels} property). */
    static BlockKernels preferred() {
        return Preferred.INSTANCE;
    }

    /** Holder so that the choice is made once, on first use. */
    final class Preferred {
        private Preferred() {}

        static final BlockKernels INSTANCE = Kernels.preferred().name().equals("vector") ? vector() : scalar();
    }
}
