package dev.glassbox.interp.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SvdTest {
    static final Random RANDOM = new Random(7);

    static double[][] random(int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) for (int j = 0; j < n; j++) row[j] = RANDOM.nextGaussian();
        return a;
    }

    /** U^T U = I, V^T V = I, values descending and non-negative, U S V^T = A. */
    static void assertDecomposes(double[][] a, Svd svd, double tolerance) {
        int r = svd.size();
        assertEquals(Math.min(a.length, a[0].length), r);
        assertEquals(0, Matrices.maxAbsDifference(Matrices.multiply(Matrices.transpose(svd.u()), svd.u()), Matrices.identity(r)), 1e-12);
        assertEquals(0, Matrices.maxAbsDifference(Matrices.multiply(Matrices.transpose(svd.v()), svd.v()), Matrices.identity(r)), 1e-12);
        for (int i = 0; i < r; i++) {
            assertTrue(svd.s()[i] >= 0);
            if (i > 0) assertTrue(svd.s()[i] <= svd.s()[i - 1]);
        }
        assertEquals(0, Matrices.maxAbsDifference(svd.truncated(r), a), tolerance);
    }

    @Test
    void decomposesRandomMatricesOfEveryShape() {
        for (int[] shape : new int[][] {{1, 1}, {5, 3}, {3, 5}, {12, 12}, {40, 7}, {7, 40}, {64, 64}}) {
            double[][] a = random(shape[0], shape[1]);
            assertDecomposes(a, Svd.of(a), 1e-12);
        }
    }

    @Test
    void knownValues() {
        // [[3, 0], [4, 5]]: A^T A = [[25, 20], [20, 25]] has eigenvalues 45 and 5.
        Svd svd = Svd.of(new double[][] {{3, 0}, {4, 5}});
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, svd.s(), 1e-14);
        // A permuted, signed diagonal: the singular values are the |entries|, sorted.
        Svd diagonal = Svd.of(new double[][] {{0, 0, -2}, {7, 0, 0}, {0, 0.5, 0}});
        assertArrayEquals(new double[] {7, 2, 0.5}, diagonal.s(), 1e-15);
    }

    /** Rank 3 of 8: three values, then zeros, and U still orthonormal (completed). */
    @Test
    void rankDeficientMatricesGetZerosAndAnOrthonormalCompletion() {
        double[][] a = Matrices.multiply(random(10, 3), random(3, 8));
        Svd svd = Svd.of(a);
        assertDecomposes(a, svd, 1e-12);
        assertEquals(3, svd.rank());
        for (int i = 3; i < 8; i++) assertEquals(0, svd.s()[i], 1e-12);
        Svd zero = Svd.of(new double[4][3]);
        assertDecomposes(new double[4][3], zero, 0);
        assertEquals(0, zero.rank());
    }

    /** Eckart–Young: the rank-k truncation's error in the spectral norm is s_(k+1). */
    @Test
    void truncationErrorIsTheNextSingularValue() {
        double[][] a = random(9, 6);
        Svd svd = Svd.of(a);
        for (int k = 0; k < 6; k++) {
            double[][] residual = new double[9][6];
            double[][] t = svd.truncated(k);
            for (int i = 0; i < 9; i++) for (int j = 0; j < 6; j++) residual[i][j] = a[i][j] - t[i][j];
            assertEquals(svd.s()[k], Svd.of(residual).s()[0], 1e-12);
        }
    }

    @Test
    void numericalRankUsesTheFloat32Floor() {
        assertEquals(2, NumericalRank.of(new double[] {1, 1e-3, 1e-9}, 8, 8));
        assertEquals(0, NumericalRank.of(new double[] {0, 0}, 2, 2));
        assertEquals(1, NumericalRank.of(new double[] {100, 100 * 8 * NumericalRank.FLOAT_EPSILON}, 8, 8));
    }
}
