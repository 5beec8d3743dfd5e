package dev.glassbox.model.reference;

import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.GgmlType;

/**
 * A weight matrix that rounds every input vector as llama.cpp does for weights of its type
 * ({@link ActivationRounding}) before multiplying; rows copied out (embedding look-ups) are unchanged, as in
 * llama.cpp's {@code get_rows}. Products run on one thread (any other {@code matMul} comes here).
 */
record RoundedInputMatrix(WeightMatrix inner, GgmlType type) implements WeightMatrix {

    @Override
    public int rows() {
        return inner.rows();
    }

    @Override
    public int cols() {
        return inner.cols();
    }

    @Override
    public float get(int row, int col) {
        return inner.get(row, col);
    }

    @Override
    public void matVec(float[] x, int xOff, float[] y, int yOff) {
        inner.matVec(rounded(x, xOff, 1), 0, y, yOff);
    }

    @Override
    public void matMul(float[] x, int xOff, int n, float[] y, int yOff) {
        inner.matMul(rounded(x, xOff, n), 0, n, y, yOff);
    }

    @Override
    public void matVecColumns(int start, int count, float[] x, int xOff, float[] y, int yOff) {
        throw new UnsupportedOperationException("llama.cpp multiplies whole rows; per-head products are not emulated");
    }

    @Override
    public void copyRow(int row, float[] out, int off) {
        inner.copyRow(row, out, off);
    }

    private float[] rounded(float[] x, int xOff, int n) {
        float[] copy = new float[n * cols()];
        System.arraycopy(x, xOff, copy, 0, copy.length);
        for (int i = 0; i < n; i++) ActivationRounding.round(type, copy, i * cols(), cols());
        return copy;
    }
}
