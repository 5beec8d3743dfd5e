package dev.glassbox.io.gguf;

import dev.glassbox.tensor.quant.GgmlType;
import java.util.Arrays;

/**
 * One tensor-info entry of a GGUF file, validated: its {@code byteSize} bytes start {@code offset} bytes
 * into the data section, aligned, and lie inside the file.
 *
 * <p>Two orders of the same dimensions: {@link #dims()} is ggml's ({@code ne[0]} first, the fastest
 * varying, i.e. the length of a row), {@link #shape()} is the row-major order of PyTorch and
 * safetensors (outermost first). A weight matrix with {@code rows} outputs and {@code cols} inputs has
 * dims [cols, rows] and shape [rows, cols].
 */
public record GgufTensorInfo(String name, GgmlType type, long[] dims, long offset, long byteSize) {

    public GgufTensorInfo {
        dims = dims.clone();
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Outermost first: the reverse of {@link #dims()}. */
    public long[] shape() {
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) shape[i] = dims[dims.length - 1 - i];
        return shape;
    }

    public long elementCount() {
        long n = 1;
        for (long d : dims) n *= d;
        return n;
    }

    /** Values per row: {@code dims[0]}. */
    public long rowLength() {
        return dims[0];
    }

    /** Rows: the product of every dimension but the first. */
    public long rowCount() {
        return elementCount() / dims[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && name.equals(t.name) && type == t.type && Arrays.equals(dims, t.dims)
                && offset == t.offset && byteSize == t.byteSize;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + " " + type + Arrays.toString(shape()) + " @" + offset;
    }
}
