package dev.glassbox.tensor;

import dev.glassbox.tensor.kernels.Kernels;
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
