package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;

/**
 * ggml's Q4_0: blocks of 32 values, an f16 scale d and 16 bytes of 4-bit codes; value = (q - 8) * d.
 * <pre>
 *   offset 0   f16 d
 *   offset 2   qs[0..15]: low nibble of qs[j] is element j, high nibble is element j + 16
 * </pre>
 * The quantizer is ggml's {@code quantize_row_q4_0_ref}: the value of largest magnitude, m, maps to code 0
 * (d = m / -8), and q = min(15, trunc(x / d + 8.5)).
 */
final class Q4_0 {
    static final int BLOCK = 32;
    static final int BYTES = 18;

    private Q4_0() {}

    static void quantizeBlock(float[] x, int off, MemorySegment dst, long at) {
        float amax = 0f, max = 0f;
        for (int j = 0; j < BLOCK; j++) {
            float v = x[off + j];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8f;
        float id = d != 0f ? 1f / d : 0f;
        Bytes.putF16(dst, at, d);
        for (int j = 0; j < BLOCK / 2; j++) {
            int lo = Math.min(15, (int) (x[off + j] * id + 8.5f));
            int hi = Math.min(15, (int) (x[off + j + BLOCK / 2] * id + 8.5f));
            Bytes.put8(dst, at + 2 + j, lo | (hi << 4));
        }
    }

    static void dequantizeBlock(MemorySegment src, long at, float[] y, int off) {
        float d = Bytes.f16(src, at);
        for (int j = 0; j < BLOCK / 2; j++) {
            int q = Bytes.u8(src, at + 2 + j);
            y[off + j] = ((q & 0x0F) - 8) * d;
            y[off + j + BLOCK / 2] = ((q >>> 4) - 8) * d;
        }
    }

    static float get(MemorySegment src, long at, int j) {
        int q = Bytes.u8(src, at + 2 + (j % 16));
        int code = j < 16 ? q & 0x0F : q >>> 4;
        return (code - 8) * Bytes.f16(src, at);
    }
}
