package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;

/**
 * ggml's Q6_K: super-blocks of 256 values in 16 sub-blocks of 16, each with a signed 8-bit scale sc_k;
 * value = d * sc_k * (q - 32) with a 6-bit code q split into 4 low bits (ql) and 2 high bits (qh).
 * <pre>
 *   offset 0     ql[128]
 *   offset 128   qh[64]
 *   offset 192   int8 scales[16]     (sub-block k = element / 16)
 *   offset 208   f16 d
 * </pre>
 * Each half h = 0, 1 (128 elements) uses ql[64h ..], qh[32h ..]; for l = 0..31, with e = 128h + l:
 * <pre>
 *   element e      : low nibble  of ql[64h + l],      bits 0-1 of qh[32h + l]
 *   element e + 32 : low nibble  of ql[64h + 32 + l], bits 2-3
 *   element e + 64 : high nibble of ql[64h + l],      bits 4-5
 *   element e + 96 : high nibble of ql[64h + 32 + l], bits 6-7
 * </pre>
 * The quantizer is ggml's {@code quantize_row_q6_K_ref} (no importance matrix).
 */
final class Q6_K {
    static final int BLOCK = 256;
    static final int BYTES = 210;
    static final int QL = 0, QH = 128, SCALES = 192, D = 208;

    private Q6_K() {}

    /** The 6-bit code of element e (0..255), before subtracting 32. */
    static int code(MemorySegment s, long at, int e) {
        int h = e / 128, r = e % 128, quarter = r / 32, l = r % 32;
        int ql = Bytes.u8(s, at + QL + 64 * h + l + (quarter % 2) * 32);
        int low = quarter < 2 ? ql & 0x0F : ql >>> 4;
        int high = (Bytes.u8(s, at + QH + 32 * h + l) >>> (2 * quarter)) & 3;
        return low | (high << 4);
    }

    static void dequantizeBlock(MemorySegment src, long at, float[] y, int off) {
        float d = Bytes.f16(src, at + D);
        for (int h = 0; h < 2; h++) {
            for (int l = 0; l < 32; l++) {
                int ql0 = Bytes.u8(src, at + QL + 64 * h + l), ql1 = Bytes.u8(src, at + QL + 64 * h + 32 + l);
                int qh = Bytes.u8(src, at + QH + 32 * h + l);
                int base = 128 * h + l;
                y[off + base] = d * scale(src, at, base) * (((ql0 & 0x0F) | ((qh & 3) << 4)) - 32);
                y[off + base + 32] = d * scale(src, at, base + 32) * (((ql1 & 0x0F) | (((qh >>> 2) & 3) << 4)) - 32);
                y[off + base + 64] = d * scale(src, at, base + 64) * (((ql0 >>> 4) | (((qh >>> 4) & 3) << 4)) - 32);
                y[off + base + 96] = d * scale(src, at, base + 96) * (((ql1 >>> 4) | (((qh >>> 6) & 3) << 4)) - 32);
            }
        }
    }

    /** The signed scale of the sub-block that holds element e. */
    static int scale(MemorySegment s, long at, int e) {
        return Bytes.i8(s, at + SCALES + e / 16);
    }

    static float get(MemorySegment src, long at, int e) {
        return Bytes.f16(src, at + D) * scale(src, at, e) * (code(src, at, e) - 32);
    }

    static void quantizeBlock(float[] x, int off, MemorySegment dst, long at) {
        int[] codes = new int[BLOCK];
        float[] scales = new float[16];
        float maxScale = 0f, maxAbsScale = 0f;
        for (int k = 0; k < 16; k++) {
            scales[k] = KQuantFit.symmetric(x, off + 16 * k, 16, 32, codes, 16 * k);
            if (Math.abs(scales[k]) > maxAbsScale) {
                maxAbsScale = Math.abs(scales[k]);
                maxScale = scales[k];
            }
        }
        if (maxAbsScale < 1e-15f) { // all zero: an all-zero block
            for (int i = 0; i < BYTES; i++) Bytes.put8(dst, at + i, 0);
            return;
        }
        float iscale = -128f / maxScale;
        Bytes.putF16(dst, at + D, 1f / iscale);
        for (int k = 0; k < 16; k++) {
            Bytes.put8(dst, at + SCALES + k, Math.min(127, KQuantFit.nearestInt(iscale * scales[k])));
        }
        // Codes again, against the scales as stored (8-bit sub-block scales, f16 d).
        float d = Bytes.f16(dst, at + D);
        for (int k = 0; k < 16; k++) {
            float dk = d * Bytes.i8(dst, at + SCALES + k);
            if (dk == 0f) continue; // keeps the codes of the fit
            for (int i = 0; i < 16; i++) {
                codes[16 * k + i] = KQuantFit.clamp(KQuantFit.nearestInt(x[off + 16 * k + i] / dk), -32, 31) + 32;
            }
        }
        for (int h = 0; h < 2; h++) {
            for (int l = 0; l < 32; l++) {
                int e = 128 * h + l;
                int q1 = codes[e], q2 = codes[e + 32], q3 = codes[e + 64], q4 = codes[e + 96];
                Bytes.put8(dst, at + QL + 64 * h + l, (q1 & 0x0F) | ((q3 & 0x0F) << 4));
                Bytes.put8(dst, at + QL + 64 * h + 32 + l, (q2 & 0x0F) | ((q4 & 0x0F) << 4));
                Bytes.put8(dst, at + QH + 32 * h + l, (q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
            }
        }
    }
}
