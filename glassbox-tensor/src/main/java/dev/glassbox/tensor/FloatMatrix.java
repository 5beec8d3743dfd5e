package dev.glassbox.tensor;

import java.util.Objects;

/** A dense float32 weight matrix, row-major, {@code rows} outputs by {@code cols} inputs. */
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
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                sum += data[base + c] * x[xOff + c];
            }
            y[yOff + r] = sum;
        }
    }
}
