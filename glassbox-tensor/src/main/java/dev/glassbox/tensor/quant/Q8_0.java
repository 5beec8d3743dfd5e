package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;

/**
 * ggml's Q8_0: blocks of 32 values, each an f16 scale d followed by 32 signed bytes q; value = q * d.
 * <pre>
 *   offset 0   f16 d
 *   offset 2   int8 q[0..31]       (element j is q[j])
 * </pre>
 * The quantizer is ggml's {@code quantize_row_q8_0_ref}: d = max|x| / 127, q = round(x / d) with ties
 * away from zero (C's roundf), where 1/d is taken before d is rounded to f16.
 */
final class Q8_0 {
    static final int BLOCK = 32;
    static final int BYTES = 34;

    private Q8_0() {}

    static void quantizeBlock(float[] x, int off, MemorySegment dst, long at) {
        float amax = 0f;
        for (int j = 0; j < BLOCK; j++) amax = Math.max(amax, Math.abs(x[off + j]));
        float d = amax / 127f;
        float id = d != 0f ? 1f / d : 0f;
        Bytes.putF16(dst, at, d);
        for (int j = 0; j < BLOCK; j++) Bytes.put8(dst, at + 2 + j, roundHalfAway(x[off + j] * id));
    }

    static void dequantizeBlock(MemorySegment src, long at, float[] y, int off) {
        float d = Bytes.f16(src, at);
        for (int j = 0; j < BLOCK; j++) y[off + j] = Bytes.i8(src, at + 2 + j) * d;
    }

    static float get(MemorySegment src, long at, int j) {
        return Bytes.i8(src, at + 2 + j) * Bytes.f16(src, at);
    }

    /** C's roundf: halfway cases away from zero (Math.round would take -2.5 to -2). */
    static int roundHalfAway(float v) {
        return (int) Math.copySign(Math.floor(Math.abs((double) v) + 0.5), v);
    }
}
