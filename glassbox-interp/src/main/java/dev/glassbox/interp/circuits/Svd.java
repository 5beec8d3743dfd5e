package dev.glassbox.interp.circuits;

/**
 * A thin singular value decomposition A = U diag(s) V^T of an m x n matrix: with r = min(m, n), U is
 * m x r and V is n x r, both with orthonormal columns, and s holds r values in descending order. Columns
 * for zero singular values are an orthonormal completion (any one will do: they multiply zero).
 */
public record Svd(double[][] u, double[] s, double[][] v) {

    /** The decomposition of {@code a} (one-sided Jacobi; accurate to about 1e-15 relative to the largest value). */
    public static Svd of(double[][] a) {
        int m = a.length, n = m == 0 ? 0 : a[0].length;
        if (m >= n) return OneSidedJacobi.decompose(a);
        Svd t = OneSidedJacobi.decompose(Matrices.transpose(a)); // A^T = U S V^T  =>  A = V S U^T
        return new Svd(t.v(), t.s(), t.u());
    }

    public int size() {
        return s.length;
    }

    /** Singular values above the numerical floor of float32 weights (see {@link NumericalRank}). */
    public int rank() {
        return NumericalRank.of(s, u.length, v.length);
    }

    /** U_k diag(s_k) V_k^T: the best rank-k approximation (Eckart–Young). */
    public double[][] truncated(int k) {
        double[][] out = new double[u.length][v.length];
        for (int c = 0; c < Math.min(k, s.length); c++) {
            for (int i = 0; i < u.length; i++) {
                double us = u[i][c] * s[c];
                if (us == 0) continue;
                for (int j = 0; j < v.length; j++) out[i][j] += us * v[j][c];
            }
        }
        return out;
    }
}
