package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;

/**
 * ggml's Q4_K: super-blocks of 256 values in 8 sub-blocks of 32. Each sub-block j has a 6-bit scale
 * sc_j and a 6-bit minimum m_j; value = d * sc_j * q - dmin * m_j with a 4-bit code q.
 * <pre>
 *   offset 0    f16 d        (scale of the sub-block scales)
 *   offset 2    f16 dmin     (scale of the sub-block minimums)
 *   offset 4    scales[12]   sc_j and m_j, 6 bits each (see {@link #scale} and {@link #min})
 *   offset 16   qs[128]      for chunk c = 0..3 (64 values): qs[32c + l] holds element 64c + l in its low
 *                            nibble (sub-block 2c) and element 64c + 32 + l in its high nibble (sub-block 2c+1)
 * </pre>
 * The packing of the 6-bit numbers: for j < 4, sc_j and m_j are the low 6 bits of scales[j] and
 * scales[j+4]; for j ≥ 4, their low 4 bits are the low and high nibble of scales[j+4] and their top 2 bits
 * are the top 2 bits of scales[j-4] and scales[j] respectively.
 *
 * <p>The quantizer is ggml's {@code quantize_row_q4_K_ref} (no importance matrix).
 */
final class Q4_K {
    static final int BLOCK = 256;
    static final int BYTES = 144;
    static final int SCALES = 4, QS = 16;

    private Q4_K() {}

    /** The 6-bit scale of sub-block j (ggml's get_scale_min_k4, first half). */
    static int scale(MemorySegment s, long at, int j) {
        long sc = at + SCALES;
        return j < 4 ? Bytes.u8(s, sc + j) & 63
                : (Bytes.u8(s, sc + j + 4) & 0x0F) | ((Bytes.u8(s, sc + j - 4) >>> 6) << 4);
    }

    /** The 6-bit minimum of sub-block j (ggml's get_scale_min_k4, second half). */
    static int min(MemorySegment s, long at, int j) {
        long sc = at + SCALES;
        return j < 4 ? Bytes.u8(s, sc + j + 4) & 63
                : (Bytes.u8(s, sc + j + 4) >>> 4) | ((Bytes.u8(s, sc + j) >>> 6) << 4);
    }

    /**
     * All eight scales and minimums at once, from the 12 packed bytes read as one long and one int:
     * {@code out[j]} = sc_j and {@code out[8 + j]} = m_j (the same numbers as {@link #scale} and {@link #min}).
     */
    static void scalesAndMins(MemorySegment s, long at, int[] out) {
        long lo = s.get(Bytes.I64, at + SCALES);
        int hi = s.get(Bytes.I32, at + SCALES + 8);
        for (int j = 0; j < 4; j++) {
            int sj = (int) (lo >>> (8 * j)) & 0xFF, sj4 = (int) (lo >>> (8 * (j + 4))) & 0xFF, sj8 = (hi >>> (8 * j)) & 0xFF;
            out[j] = sj & 63;
            out[8 + j] = sj4 & 63;
            out[j + 4] = (sj8 & 0x0F) | ((sj >>> 6) << 4);
            out[8 + j + 4] = (sj8 >>> 4) | ((sj4 >>> 6) << 4);
        }
    }

    static void dequantizeBlock(MemorySegment src, long at, float[] y, int off) {
        float d = Bytes.f16(src, at), dmin = Bytes.f16(src, at + 2);
        int[] sm = new int[16];
        scalesAndMins(src, at, sm);
        for (int c = 0; c < 4; c++) {
            float d1 = d * sm[2 * c], m1 = dmin * sm[8 + 2 * c];
            float d2 = d * sm[2 * c + 1], m2 = dmin * sm[8 + 2 * c + 1];
            for (int l = 0; l < 32; l++) {
                int q = Bytes.u8(src, at + QS + 32 * c + l);
                y[off + 64 * c + l] = d1 * (q & 0x0F) - m1;
                y[off + 64 * c + 32 + l] = d2 * (q >>> 4) - m2;
            }
        }
    }

    static float get(MemorySegment src, long at, int j) {
        int c = j / 64, l = j % 32, sub = j / 32;
        int q = Bytes.u8(src, at + QS + 32 * c + l);
        int code = (j % 64) < 32 ? q & 0x0F : q >>> 4;
        return Bytes.f16(src, at) * scale(src, at, sub) * code - Bytes.f16(src, at + 2) * min(src, at, sub);
    }

    static void quantizeBlock(float[] x, int off, MemorySegment dst, long at) {
        int[] codes = new int[BLOCK];
        float[] scales = new float[8], mins = new float[8], weights = new float[32];
        float maxScale = 0f, maxMin = 0f;
        for (int j = 0; j < 8; j++) {
            float sumX2 = 0f;
            for (int l = 0; l < 32; l++) sumX2 += x[off + 32 * j + l] * x[off + 32 * j + l];
            float avX = (float) Math.sqrt(sumX2 / 32);
            for (int l = 0; l < 32; l++) weights[l] = avX + Math.abs(x[off + 32 * j + l]);
            float[] fit = KQuantFit.withMinimum(x, off + 32 * j, 32, 15, weights, codes, 32 * j, -1f, 0.1f, 20);
            scales[j] = fit[0];
            mins[j] = fit[1];
            maxScale = Math.max(maxScale, scales[j]);
            maxMin = Math.max(maxMin, mins[j]);
        }
        float invScale = maxScale > 0 ? 63f / maxScale : 0f;
        float invMin = maxMin > 0 ? 63f / maxMin : 0f;
        int[] packed = new int[12];
        for (int j = 0; j < 8; j++) {
            int ls = Math.min(63, KQuantFit.nearestInt(invScale * scales[j]) & 0xFF);
            int lm = Math.min(63, KQuantFit.nearestInt(invMin * mins[j]) & 0xFF);
            if (j < 4) {
                packed[j] = ls;
                packed[j + 4] = lm;
            } else {
                packed[j + 4] = (ls & 0x0F) | ((lm & 0x0F) << 4);
                packed[j - 4] |= (ls >>> 4) << 6;
                packed[j] |= (lm >>> 4) << 6;
            }
        }
        Bytes.putF16(dst, at, maxScale / 63f);
        Bytes.putF16(dst, at + 2, maxMin / 63f);
        for (int i = 0; i < 12; i++) Bytes.put8(dst, at + SCALES + i, packed[i]);

        // Codes again, against the scales as stored (rounded to 6 bits and f16).
        float d = Bytes.f16(dst, at), dmin = Bytes.f16(dst, at + 2);
        for (int j = 0; j < 8; j++) {
            float dj = d * scale(dst, at, j);
            if (dj == 0f) continue; // keeps the codes of the fit
            float mj = dmin * min(dst, at, j);
            for (int l = 0; l < 32; l++) {
                codes[32 * j + l] = KQuantFit.clamp(KQuantFit.nearestInt((x[off + 32 * j + l] + mj) / dj), 0, 15);
            }
        }
        for (int c = 0; c < 4; c++) {
            for (int l = 0; l < 32; l++) {
                Bytes.put8(dst, at + QS + 32 * c + l, codes[64 * c + l] | (codes[64 * c + 32 + l] << 4));
            }
        }
    }
}
