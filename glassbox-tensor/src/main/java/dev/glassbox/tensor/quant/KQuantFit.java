package dev.glassbox.tensor.quant;

/**
 * The scale searches behind ggml's k-quant reference quantizers ({@code make_qx_quants} and
 * {@code make_qkx2_quants} in {@code ggml-quants.c}): each picks, for one small group of values, the
 * scale (and for Q4_K the minimum) that minimise a weighted squared error, trying a few candidate
 * scales around the obvious one. Arithmetic is in float, in ggml's order, so that our files quantize like
 * llama.cpp's own (up to the compiler's freedom to fuse multiply-adds).
 */
final class KQuantFit {
    private KQuantFit() {}

    /** ggml's nearest_int: round to nearest, ties to even (the float add of 1.5 * 2^23 does exactly that). */
    static int nearestInt(float v) {
        return (int) Math.rint(v);
    }

    /**
     * Symmetric codes l in [-nmax, nmax-1] for x ≈ scale * l, weighted by x² (ggml's rmse_type 1 with no
     * importance weights). Writes l + nmax to {@code codes} and returns the scale.
     */
    static float symmetric(float[] x, int off, int n, int nmax, int[] codes, int codesOff) {
        float max = 0f, amax = 0f;
        for (int i = 0; i < n; i++) {
            float ax = Math.abs(x[off + i]);
            if (ax > amax) {
                amax = ax;
                max = x[off + i];
            }
        }
        if (amax < 1e-15f) { // all zero
            for (int i = 0; i < n; i++) codes[codesOff + i] = 0;
            return 0f;
        }
        float iscale = -nmax / max;
        float sumlx = 0f, suml2 = 0f;
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            int l = clamp(nearestInt(iscale * v), -nmax, nmax - 1);
            codes[codesOff + i] = l + nmax;
            float w = v * v;
            sumlx += w * v * l;
            suml2 += w * l * l;
        }
        float scale = suml2 != 0f ? sumlx / suml2 : 0f;
        float best = scale * sumlx;
        for (int is = -9; is <= 9; is++) {
            if (is == 0) continue;
            iscale = -(nmax + 0.1f * is) / max;
            sumlx = 0f;
            suml2 = 0f;
            for (int i = 0; i < n; i++) {
                float v = x[off + i];
                int l = clamp(nearestInt(iscale * v), -nmax, nmax - 1);
                float w = v * v;
                sumlx += w * v * l;
                suml2 += w * l * l;
            }
            if (suml2 > 0f && sumlx * sumlx > best * suml2) {
                for (int i = 0; i < n; i++) {
                    codes[codesOff + i] = nmax + clamp(nearestInt(iscale * x[off + i]), -nmax, nmax - 1);
                }
                scale = sumlx / suml2;
                best = scale * sumlx;
            }
        }
        return scale;
    }

    /**
     * Asymmetric codes l in [0, nmax] for x ≈ scale * l - min with min ≥ 0, minimising the weighted squared
     * error over {@code nstep + 1} candidate scales (ggml's make_qkx2_quants with use_mad = false).
     * Writes the codes and returns {scale, min}.
     */
    static float[] withMinimum(float[] x, int off, int n, int nmax, float[] weights, int[] codes, int codesOff,
            float rmin, float rdelta, int nstep) {
        float min = x[off], max = x[off];
        float sumW = weights[0];
        float sumX = sumW * x[off];
        for (int i = 1; i < n; i++) {
            float v = x[off + i];
            if (v < min) min = v;
            if (v > max) max = v;
            float w = weights[i];
            sumW += w;
            sumX += w * v;
        }
        if (min > 0f) min = 0f;
        if (max == min) {
            for (int i = 0; i < n; i++) codes[codesOff + i] = 0;
            return new float[] {0f, -min};
        }
        float iscale = nmax / (max - min);
        float scale = 1f / iscale;
        float bestError = 0f;
        for (int i = 0; i < n; i++) {
            int l = clamp(nearestInt(iscale * (x[off + i] - min)), 0, nmax);
            codes[codesOff + i] = l;
            float diff = scale * l + min - x[off + i];
            bestError += weights[i] * (diff * diff);
        }
        int[] trial = new int[n];
        for (int is = 0; is <= nstep; is++) {
            iscale = (rmin + rdelta * is + nmax) / (max - min);
            float sumL = 0f, sumL2 = 0f, sumXL = 0f;
            for (int i = 0; i < n; i++) {
                int l = clamp(nearestInt(iscale * (x[off + i] - min)), 0, nmax);
                trial[i] = l;
                float w = weights[i];
                sumL += w * l;
                sumL2 += w * l * l;
                sumXL += w * l * x[off + i];
            }
            float det = sumW * sumL2 - sumL * sumL;
            if (det > 0f) {
                float thisScale = (sumW * sumXL - sumX * sumL) / det;
                float thisMin = (sumL2 * sumX - sumL * sumXL) / det;
                if (thisMin > 0f) {
                    thisMin = 0f;
                    thisScale = sumXL / sumL2;
                }
                float error = 0f;
                for (int i = 0; i < n; i++) {
                    float diff = thisScale * trial[i] + thisMin - x[off + i];
                    error += weights[i] * (diff * diff);
                }
                if (error < bestError) {
                    System.arraycopy(trial, 0, codes, codesOff, n);
                    bestError = error;
                    scale = thisScale;
                    min = thisMin;
                }
            }
        }
        return new float[] {scale, -min};
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
