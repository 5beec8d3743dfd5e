package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;

/** The reference: decode a block with ggml's formula ({@link Quantization}), then multiply and add in order. */
final class ScalarBlockKernels implements BlockKernels {
    static final ScalarBlockKernels INSTANCE = new ScalarBlockKernels();

    private ScalarBlockKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(GgmlType type, MemorySegment w, long at, float[] x, int xOff, int n) {
        // Decode whole blocks, 256 values at a time for the one-value "blocks" of F32, F16 and BF16.
        int chunk = type.blockSize() == 1 ? 256 : type.blockSize();
        float[] values = new float[chunk];
        float sum = 0f;
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            Quantization.dequantize(type, w, at + (long) (start / type.blockSize()) * type.blockBytes(), values, 0, count);
            for (int j = 0; j < count; j++) {
                sum += values[j] * x[xOff + start + j];
            }
        }
        return sum;
    }
}
