package dev.glassbox.interp.circuits;

/** Completing a set of orthonormal columns to a full orthonormal set (Gram–Schmidt against unit vectors). */
final class Orthonormal {
    private Orthonormal() {}

    /**
     * Fills the columns of {@code u} not marked {@code filled} with unit vectors orthogonal to every other
     * column, taking candidates e_0, e_1, ... and orthogonalising each twice (classical Gram–Schmidt,
     * repeated, is accurate to rounding).
     */
    static void complete(double[][] u, boolean[] filled) {
        int m = u.length, n = filled.length;
        int candidate = 0;
        for (int c = 0; c < n; c++) {
            if (filled[c]) continue;
            while (candidate < m) {
                double[] x = new double[m];
                x[candidate++] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int o = 0; o < n; o++) {
                        if (!filled[o]) continue;
                        double d = 0;
                        for (int i = 0; i < m; i++) d += u[i][o] * x[i];
                        for (int i = 0; i < m; i++) x[i] -= d * u[i][o];
                    }
                }
                double norm = 0;
                for (double xi : x) norm += xi * xi;
                norm = Math.sqrt(norm);
                // Some e_i keeps at least sqrt((m - k) / m) >= 1/sqrt(m) outside a k-dimensional span; skip
                // the candidates that lie (almost) inside it.
                if (norm < 0.5 / Math.sqrt(m)) continue;
                for (int i = 0; i < m; i++) u[i][c] = x[i] / norm;
                filled[c] = true;
                break;
            }
            if (!filled[c]) throw new IllegalStateException("cannot complete " + n + " orthonormal columns in dimension " + m);
        }
    }
}
