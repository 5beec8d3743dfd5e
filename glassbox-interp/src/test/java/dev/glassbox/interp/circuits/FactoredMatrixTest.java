package dev.glassbox.interp.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FactoredMatrixTest {

    @Test
    void householderQrIsOrthonormalAndExactEvenWhenRankDeficient() {
        double[][] a = SvdTest.random(12, 5);
        for (double[] row : a) row[2] = 0; // a zero column
        for (double[] row : a) row[4] = 2 * row[0]; // and a dependent one
        HouseholderQr qr = HouseholderQr.of(a);
        assertEquals(0, Matrices.maxAbsDifference(Matrices.multiply(Matrices.transpose(qr.q()), qr.q()), Matrices.identity(5)), 1e-13);
        assertEquals(0, Matrices.maxAbsDifference(Matrices.multiply(qr.q(), qr.r()), a), 1e-13);
        for (int i = 0; i < 5; i++) for (int j = 0; j < i; j++) assertEquals(0, qr.r()[i][j]);
    }

    /** The factored route agrees with decomposing the formed product. */
    @Test
    void factoredSvdMatchesTheProductsSvd() {
        for (int[] shape : new int[][] {{64, 8, 64}, {30, 4, 20}, {5, 9, 6}}) {
            FactoredMatrix f = new FactoredMatrix(SvdTest.random(shape[0], shape[1]), SvdTest.random(shape[1], shape[2]));
            Svd factored = f.svd(), direct = Svd.of(f.product());
            int r = factored.size();
            assertEquals(Math.min(shape[1], Math.min(shape[0], shape[2])), r);
            for (int i = 0; i < r; i++) assertEquals(direct.s()[i], factored.s()[i], 1e-10 * direct.s()[0]);
            assertEquals(0, Matrices.maxAbsDifference(factored.truncated(r), f.product()), 1e-10 * direct.s()[0]);
            assertEquals(0, Matrices.maxAbsDifference(Matrices.multiply(Matrices.transpose(factored.u()), factored.u()),
                    Matrices.identity(r)), 1e-12);
            assertEquals(0, Matrices.maxAbsDifference(Matrices.multiply(Matrices.transpose(factored.v()), factored.v()),
                    Matrices.identity(r)), 1e-12);
        }
    }

    @Test
    void aProductOfRankTwoHasTwoNonzeroValues() {
        double[][] a = SvdTest.random(20, 6), b = SvdTest.random(6, 20);
        for (double[] row : a) for (int j = 2; j < 6; j++) row[j] = 0; // only 2 of the 6 inner dimensions used
        Svd svd = new FactoredMatrix(a, b).svd();
        assertEquals(2, svd.rank());
        assertTrue(svd.s()[1] > 1e-3 && svd.s()[2] < 1e-12);
        assertEquals(0, Matrices.maxAbsDifference(svd.truncated(2), Matrices.multiply(a, b)), 1e-12);
    }
}
