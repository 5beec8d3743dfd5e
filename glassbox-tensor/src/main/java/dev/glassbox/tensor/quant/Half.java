package dev.glassbox.tensor.quant;

/**
 * The two 16-bit float formats of ggml. IEEE half precision ({@code F16}) converts with
 * {@link Float#floatToFloat16} and {@link Float#float16ToFloat}, both round-to-nearest-even like ggml's
 * F16C path. bfloat16 is the top half of a float32; ggml rounds to nearest even and keeps NaNs quiet,
 * and so does {@link #floatToBf16}.
 */
final class Half {
    private Half() {}

    static float f16ToFloat(short bits) {
        return Float.float16ToFloat(bits);
    }

    static short floatToF16(float value) {
        return Float.floatToFloat16(value);
    }

    static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /** ggml_compute_fp32_to_bf16: NaN stays a (quiet) NaN, everything else rounds to nearest even. */
    static short floatToBf16(float value) {
        int u = Float.floatToRawIntBits(value);
        if ((u & 0x7fffffff) > 0x7f800000) return (short) ((u >>> 16) | 64);
        return (short) ((u + (0x7fff + ((u >>> 16) & 1))) >>> 16);
    }
}
