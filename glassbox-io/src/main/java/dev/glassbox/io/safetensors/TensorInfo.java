package dev.glassbox.io.safetensors;

import java.util.Arrays;

/**
 * One tensor's header entry, validated: its bytes are [{@code begin}, {@code end}) of the data section
 * (which starts right after the header), and {@code end - begin} is the element count times the dtype's
 * width.
 */
public record TensorInfo(String name, Dtype dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The product of the dimensions (1 for a scalar). */
    public long elementCount() {
        long count = 1;
        for (long d : shape) count *= d;
        return count;
    }

    public long byteSize() {
        return end - begin;
    }

    /** The shape as ints, for in-memory tensors. */
    public int[] intShape() {
        return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
}
