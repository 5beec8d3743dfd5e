package dev.glassbox.interp.circuits;

/**
 * A product M = A B kept as its factors (A: m x r, B: r x n), as TransformerLens's FactoredMatrix: a head's
 * W_QK = W_Q^T W_K and W_OV = W_O W_V are d_model x d_model but of rank at most d_head, so they are
 * decomposed through their small factors instead of being formed.
 */
public record FactoredMatrix(double[][] a, double[][] b) {

    public FactoredMatrix {
        if (a.length == 0 || b.length == 0 || a[0].length != b.length) {
            throw new IllegalArgumentException("factors do not chain: A has " + (a.length == 0 ? 0 : a[0].length)
                    + " columns, B has " + b.length + " rows");
        }
    }

    public int rows() {
        return a.length;
    }

    public int columns() {
        return b[0].length;
    }

    /** The inner width r: an upper bound of the rank. */
    public int inner() {
        return b.length;
    }

    public double[][] product() {
        return Matrices.multiply(a, b);
    }

    /**
     * The thin SVD of A B with min(m, n, r) values. Through QR: A = Q_a R_a and B^T = Q_b R_b give
     * A B = Q_a (R_a R_b^T) Q_b^T; with the small core R_a R_b^T = U' S V'^T, A B = (Q_a U') S (Q_b V')^T.
     * When r is not smaller than m or n the product is small enough to decompose as it is.
     */
    public Svd svd() {
        int r = inner();
        if (r >= rows() || r >= columns()) return Svd.of(product());
        HouseholderQr qa = HouseholderQr.of(a), qb = HouseholderQr.of(Matrices.transpose(b));
        Svd core = Svd.of(Matrices.multiply(qa.r(), Matrices.transpose(qb.r())));
        return new Svd(Matrices.multiply(qa.q(), core.u()), core.s(), Matrices.multiply(qb.q(), core.v()));
    }
}
