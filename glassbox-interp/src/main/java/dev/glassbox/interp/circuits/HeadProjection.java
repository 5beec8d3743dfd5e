package dev.glassbox.interp.circuits;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a model in which one head reads its queries, keys or values only through a subspace: the
 * head's d_head rows of W_Q, W_K or W_V are multiplied by the orthogonal projector P = U_k U_k^T onto the
 * span of k orthonormal vectors (W <- W P), so the head sees P x instead of x. Every other weight is shared with the original, not copied.
 */
public final class HeadProjection {
    private HeadProjection() {}

    /**
     * @param model a model with one key/value head per query head when projecting keys or values (see
     *     {@link KvExpansion}); queries may be projected in any model
     * @param basis d_model x r with orthonormal columns; the head reads through the span of the first k
     */
    public static Transformer apply(Transformer model, int layer, int head, Subspace subspace, double[][] basis, int k) {
        if (k < 0 || k > basis[0].length) throw new IllegalArgumentException("k = " + k + " outside [0, " + basis[0].length + "]");
        if (subspace != Subspace.QUERY && model.config().groupSize() != 1) {
            throw new IllegalArgumentException("keys and values are shared by " + model.config().groupSize()
                    + " query heads here; expand the model with KvExpansion first");
        }
        TransformerWeights w = model.weights();
        LayerWeights l = w.layers().get(layer);
        Attention a = l.attn();
        int start = head * model.config().dHead(), count = model.config().dHead();
        Attention edited = switch (subspace) {
            case QUERY -> new Attention(project(a.wq(), start, count, basis, k), a.bq(), a.wk(), a.bk(), a.wv(), a.bv(), a.wo(), a.bo());
            case KEY -> new Attention(a.wq(), a.bq(), project(a.wk(), start, count, basis, k), a.bk(), a.wv(), a.bv(), a.wo(), a.bo());
            case VALUE -> new Attention(a.wq(), a.bq(), a.wk(), a.bk(), project(a.wv(), start, count, basis, k), a.bv(), a.wo(), a.bo());
        };
        List<LayerWeights> layers = new ArrayList<>(w.layers());
        layers.set(layer, new LayerWeights(l.attnNorm(), edited, l.attnPostNorm(), l.mlpNorm(), l.mlp(), l.mlpPostNorm()));
        return new Transformer(model.config(), new TransformerWeights(w.embed(), w.posEmbed(), layers, w.finalNorm(), w.unembed()));
    }

    /**
     * A float copy of {@code w} with rows [start, start + count) replaced by those rows times
     * P = U_k U_k^T, computed as (w U_k) U_k^T: 2 count d_model k operations, never forming P.
     */
    private static WeightMatrix project(WeightMatrix w, int start, int count, double[][] u, int k) {
        int rows = w.rows(), cols = w.cols();
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) w.copyRow(r, out, r * cols);
        for (int r = start; r < start + count; r++) {
            double[] coefficients = new double[k]; // row . u_c
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < cols; j++) s += out[r * cols + j] * u[j][c];
                coefficients[c] = s;
            }
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) s += coefficients[c] * u[j][c];
                out[r * cols + j] = (float) s;
            }
        }
        return new FloatMatrix(rows, cols, out);
    }
}
