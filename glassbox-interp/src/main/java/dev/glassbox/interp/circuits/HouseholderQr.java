package dev.glassbox.interp.circuits;

/**
 * The thin QR decomposition A = Q R of an m x r matrix with m >= r, by Householder reflections: Q is
 * m x r with orthonormal columns, R is r x r upper triangular. Reflections keep Q orthonormal to rounding
 * even when A is rank deficient (unlike Gram–Schmidt), which compiled heads with padded widths are.
 */
record HouseholderQr(double[][] q, double[][] r) {

    static HouseholderQr of(double[][] a) {
        int m = a.length, n = a[0].length;
        if (m < n) throw new IllegalArgumentException("thin QR needs rows >= columns, got " + m + "x" + n);
        double[][] x = Matrices.copy(a);
        double[][] reflectors = new double[n][];
        for (int k = 0; k < n; k++) {
            // v = x_k(k:) + sign(x_kk) |x_k(k:)| e_1, reflection H = I - 2 v v^T / v^T v zeroes x below the diagonal.
            double norm = 0;
            for (int i = k; i < m; i++) norm += x[i][k] * x[i][k];
            norm = Math.sqrt(norm);
            double[] v = new double[m - k];
            for (int i = k; i < m; i++) v[i - k] = x[i][k];
            v[0] += (x[k][k] >= 0 ? 1 : -1) * norm;
            double vv = 0;
            for (double vi : v) vv += vi * vi;
            if (vv == 0) continue; // the column is already zero below (and on) the diagonal
            reflectors[k] = v;
            reflect(x, v, vv, k, k, n);
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) r[i][j] = x[i][j];
        // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
        double[][] q = new double[m][n];
        for (int i = 0; i < n; i++) q[i][i] = 1;
        for (int k = n - 1; k >= 0; k--) {
            if (reflectors[k] == null) continue;
            double vv = 0;
            for (double vi : reflectors[k]) vv += vi * vi;
            reflect(q, reflectors[k], vv, k, 0, n);
        }
        return new HouseholderQr(q, r);
    }

    /** x(k:, cols) -= 2 v (v^T x(k:, cols)) / v^T v for columns [from, to). */
    private static void reflect(double[][] x, double[] v, double vv, int k, int from, int to) {
        for (int j = from; j < to; j++) {
            double d = 0;
            for (int i = 0; i < v.length; i++) d += v[i] * x[k + i][j];
            double f = 2 * d / vv;
            for (int i = 0; i < v.length; i++) x[k + i][j] -= f * v[i];
        }
    }
}
