package dev.glassbox.interp.circuits;

/**
 * Hestenes' one-sided Jacobi SVD of an m x n matrix with m >= n. Plane rotations of column pairs make
 * every pair of columns orthogonal: AV = W with W's columns orthogonal, so A = (W/|W|) diag(|W|) V^T.
 * For a pair (p, q) with alpha = |a_p|^2, beta = |a_q|^2, gamma = a_p.a_q, the rotation angle satisfies
 * zeta = (beta - alpha) / (2 gamma), t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)), c = 1/sqrt(1+t^2), s = c t,
 * which zeroes the pair's inner product. Sweeps repeat until no pair is off by more than 1e-15 relative.
 */
final class OneSidedJacobi {
    private static final double TOLERANCE = 1e-15;
    private static final int MAX_SWEEPS = 80;

    private OneSidedJacobi() {}

    static Svd decompose(double[][] a) {
        int m = a.length, n = m == 0 ? 0 : a[0].length;
        double[][] w = Matrices.copy(a);
        double[][] v = Matrices.identity(n);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = Matrices.dotColumns(w, p, p), beta = Matrices.dotColumns(w, q, q);
                    double gamma = Matrices.dotColumns(w, p, q);
                    if (gamma == 0 || Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(w, p, q, c, s);
                    rotate(v, p, q, c, s);
                }
            }
            if (!rotated) break;
        }
        return sorted(w, v, m, n);
    }

    /** Columns p and q become c a_p - s a_q and s a_p + c a_q. */
    private static void rotate(double[][] x, int p, int q, double c, double s) {
        for (double[] row : x) {
            double xp = row[p], xq = row[q];
            row[p] = c * xp - s * xq;
            row[q] = s * xp + c * xq;
        }
    }

    /** Singular values are the column norms of W; order them descending and normalise U's columns. */
    private static Svd sorted(double[][] w, double[][] v, int m, int n) {
        double[] norms = new double[n];
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            norms[j] = Math.sqrt(Matrices.dotColumns(w, j, j));
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[][] u = new double[m][n], vs = new double[n][n];
        double[] s = new double[n];
        double floor = n == 0 ? 0 : norms[order[0]] * Math.max(m, n) * 1e-15;
        boolean[] filled = new boolean[n];
        for (int c = 0; c < n; c++) {
            int j = order[c];
            s[c] = norms[j];
            for (int i = 0; i < n; i++) vs[i][c] = v[i][j];
            if (norms[j] > floor && norms[j] > 0) {
                for (int i = 0; i < m; i++) u[i][c] = w[i][j] / norms[j];
                filled[c] = true;
            }
        }
        Orthonormal.complete(u, filled);
        return new Svd(u, s, vs);
    }
}
