package dev.glassbox.interp.circuits;

/**
 * The number of singular values that are not zero up to rounding. Weights are float32, so a product of
 * them is known to about max(m, n) * 2^-23 relative to its largest singular value (NumPy's matrix_rank
 * rule with float32's epsilon); values at or below that floor count as zero.
 */
public final class NumericalRank {
    /** float32's machine epsilon, 2^-23. */
    public static final double FLOAT_EPSILON = 0x1p-23;

    private NumericalRank() {}

    /** @param s singular values, descending */
    public static int of(double[] s, int m, int n) {
        if (s.length == 0 || s[0] == 0) return 0;
        double floor = floor(s, m, n);
        int r = 0;
        while (r < s.length && s[r] > floor) r++;
        return r;
    }

    /** The threshold: s_max * max(m, n) * 2^-23. */
    public static double floor(double[] s, int m, int n) {
        return s.length == 0 ? 0 : s[0] * Math.max(m, n) * FLOAT_EPSILON;
    }
}
