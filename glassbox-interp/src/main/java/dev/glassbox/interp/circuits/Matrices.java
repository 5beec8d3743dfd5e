package dev.glassbox.interp.circuits;

import dev.glassbox.tensor.WeightMatrix;

/** Dense double matrices as {@code double[rows][cols]}: the few operations the circuit analysis needs. */
public final class Matrices {
    private Matrices() {}

    /** C = A B. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, inner = b.length, m = inner == 0 ? 0 : b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            if (a[i].length != inner) throw new IllegalArgumentException("inner sizes differ: " + a[i].length + " vs " + inner);
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) continue;
                double[] bk = b[k], ci = c[i];
                for (int j = 0; j < m; j++) ci[j] += aik * bk[j];
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        int n = a.length, m = n == 0 ? 0 : a[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) t[j][i] = a[i][j];
        return t;
    }

    /** Rows [rowStart, rowStart + rows) and columns [colStart, colStart + cols) of a weight matrix, in double. */
    public static double[][] block(WeightMatrix w, int rowStart, int rows, int colStart, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out[i][j] = w.get(rowStart + i, colStart + j);
        return out;
    }

    /** The largest |a_ij - b_ij|. */
    public static double maxAbsDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
        return max;
    }

    static double dotColumns(double[][] a, int p, int q) {
        double s = 0;
        for (double[] row : a) s += row[p] * row[q];
        return s;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) id[i][i] = 1;
        return id;
    }
}
