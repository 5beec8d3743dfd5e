package dev.glassbox.tensor;

import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.Parallelism;
import java.util.Objects;

/**
 * A dense float32 weight matrix, row-major, {@code rows} outputs by {@code cols} inputs. Products run on
 * {@link Kernels#preferred()}.
 */
public record FloatMatrix(int rows, int cols, float[] data) implements WeightMatrix {

    public FloatMatrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "matrix " + rows + "x" + cols + " needs " + ((long) rows * cols) + " values, got " + data.length);
        }
    }

    public static FloatMatrix zeros(int rows, int cols) {
        return new FloatMatrix(rows, cols, new float[rows * cols]);
    }

    @Override
    public float get(int row, int col) {
        return data[row * cols + col];
    }

    public void set(int row, int col, float value) {
        data[row * cols + col] = value;
    }

    @Override
    public void matVec(float[] x, int xOff, float[] y, int yOff) {
        Kernels.preferred().matVec(data, rows, cols, x, xOff, y, yOff);
    }

    @Override
    public void matMul(float[] x, int xOff, int n, float[] y, int yOff) {
        Kernels.preferred().matMul(data, rows, cols, x, xOff, n, y, yOff);
    }

    /** Rows split between threads; each value is one {@code dot}, as {@link Kernels#matMul} computes it. */
    @Override
    public void matMul(float[] x, int xOff, int n, float[] y, int yOff, Parallelism parallel) {
        if (!worthSplitting(n, parallel)) {
            matMul(x, xOff, n, y, yOff);
            return;
        }
        Kernels kernels = Kernels.preferred();
        parallel.forRanges(rows, 1, (from, to) -> {
            for (int r = from; r < to; r++) {
                for (int i = 0; i < n; i++) {
                    y[yOff + i * rows + r] = kernels.dot(data, r * cols, x, xOff + i * cols, cols);
                }
            }
        });
    }

    @Override
    public void matVecColumns(int start, int count, float[] x, int xOff, float[] y, int yOff) {
        Kernels kernels = Kernels.preferred();
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = kernels.dot(data, r * cols + start, x, xOff, count);
        }
    }

    @Override
    public void copyRow(int row, float[] out, int off) {
        System.arraycopy(data, row * cols, out, off, cols);
    }
}
