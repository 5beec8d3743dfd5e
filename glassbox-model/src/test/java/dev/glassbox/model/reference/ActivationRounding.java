package dev.glassbox.model.reference;

import dev.glassbox.tensor.quant.GgmlType;

/**
 * How llama.cpp's CPU backend rounds the activations a matrix product reads, by the weights' type (ggml's
 * {@code vec_dot_type}): it converts them to that type first and multiplies in it.
 * <ul>
 *   <li>F32 weights: none.
 *   <li>F16 weights: each value to IEEE half precision (round to nearest even, as F16C does).
 *   <li>Q8_0 and Q4_0 weights: Q8_0 blocks of 32, as x86's {@code quantize_row_q8_0}: {@code d = max|x| / 127}
 *       stored as half, codes {@code round_half_even(x · 127 / max|x|)}, value {@code half(d) · code}.
 *   <li>Q4_K and Q6_K weights: Q8_K blocks of 256, as {@code quantize_row_q8_K_ref}: with {@code m} the
 *       value of largest magnitude (sign kept), {@code iscale = -127 / m}, codes
 *       {@code min(127, round_half_even(iscale · x))}, value {@code (1 / iscale) · code} with a float scale.
 * </ul>
 * Used only to explain the measured differences (see {@link LlamaCppArithmetic}).
 */
final class ActivationRounding {
    private ActivationRounding() {}

    /** Rounds {@code x[off .. off+count)} in place as llama.cpp does for weights of {@code type}. */
    static void round(GgmlType type, float[] x, int off, int count) {
        switch (type) {
            case F32 -> { }
            case F16 -> {
                for (int i = off; i < off + count; i++) x[i] = Float.float16ToFloat(Float.floatToFloat16(x[i]));
            }
            case Q8_0, Q4_0 -> blocks(x, off, count, 32, ActivationRounding::q8_0);
            case Q4_K, Q6_K -> blocks(x, off, count, 256, ActivationRounding::q8_K);
            default -> throw new IllegalArgumentException("no activation rounding known for " + type);
        }
    }

    private interface Block {
        void round(float[] x, int off, int length);
    }

    private static void blocks(float[] x, int off, int count, int size, Block block) {
        if (count % size != 0) throw new IllegalArgumentException(count + " values are not whole blocks of " + size);
        for (int b = off; b < off + count; b += size) block.round(x, b, size);
    }

    private static void q8_0(float[] x, int off, int length) {
        float amax = 0;
        for (int i = off; i < off + length; i++) amax = Math.max(amax, Math.abs(x[i]));
        float d = Float.float16ToFloat(Float.floatToFloat16(amax / 127f));
        float id = amax != 0 ? 127f / amax : 0f;
        for (int i = off; i < off + length; i++) x[i] = d * (float) Math.rint(x[i] * id);
    }

    private static void q8_K(float[] x, int off, int length) {
        float max = 0, amax = 0;
        for (int i = off; i < off + length; i++) {
            float ax = Math.abs(x[i]);
            if (ax > amax) {
                amax = ax;
                max = x[i];
            }
        }
        if (amax == 0) {
            for (int i = off; i < off + length; i++) x[i] = 0;
            return;
        }
        float iscale = -127f / max;
        float d = 1 / iscale;
        for (int i = off; i < off + length; i++) x[i] = d * Math.min(127, (int) Math.rint(iscale * x[i]));
    }
}
