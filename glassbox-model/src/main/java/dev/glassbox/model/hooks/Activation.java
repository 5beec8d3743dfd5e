package dev.glassbox.model.hooks;

import java.util.Arrays;
import java.util.Objects;

/**
 * One activation of a run: a shape and its row-major floats. Element (i, j, k) of a [I][J][K]
 * activation is {@code data[(i*J + j)*K + k]}.
 *
 * <p>Inside a {@link Hook} the data is the live value of the forward pass: {@link #set} and writes
 * to {@link #data()} change what the rest of the run computes. It is live only during the call; keep a
 * {@link #copy()} to look at it later.
 */
public final class Activation {
    private final int[] shape;
    private final float[] data;

    /** Wraps {@code data} without copying it. */
    public Activation(int[] shape, float[] data) {
        Objects.requireNonNull(data, "data");
        this.shape = shape.clone();
        long size = 1;
        for (int d : this.shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + data.length);
        }
        this.data = data;
    }

    public static Activation zeros(int... shape) {
        long size = 1;
        for (int d : shape) size *= d;
        return new Activation(shape, new float[Math.toIntExact(size)]);
    }

    /** The dimensions, outermost first (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The row-major values themselves, not a copy. */
    public float[] data() {
        return data;
    }

    public float get(int... index) {
        return data[offset(index)];
    }

    public void set(float value, int... index) {
        data[offset(index)] = value;
    }

    /** Position of an element in {@link #data()}: sum_a index[a] * prod_{b > a} shape[b]. */
    public int offset(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " axes but the activation has shape " + Arrays.toString(shape));
        }
        int offset = 0;
        for (int a = 0; a < shape.length; a++) {
            if (index[a] < 0 || index[a] >= shape[a]) {
                throw new IndexOutOfBoundsException(
                        "index " + Arrays.toString(index) + " is outside shape " + Arrays.toString(shape));
            }
            offset = offset * shape[a] + index[a];
        }
        return offset;
    }

    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }

    public Activation copy() {
        return new Activation(shape, data.clone());
    }

    @Override
    public String toString() {
        return "Activation" + Arrays.toString(shape);
    }
}
