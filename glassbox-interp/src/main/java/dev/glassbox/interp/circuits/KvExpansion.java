package dev.glassbox.interp.circuits;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The same model with one key/value head per query head: under grouped-query attention head h reads
 * key/value head g = h / groupSize, so copying g's rows of W_K, W_V (and biases) to slot h computes exactly
 * the same function. Editing one head's keys or values then leaves the other heads of its group alone.
 */
public final class KvExpansion {
    private KvExpansion() {}

    /** The model itself when it already has a key/value head per query head. */
    public static Transformer expand(Transformer model) {
        TransformerConfig c = model.config();
        if (c.groupSize() == 1) return model;
        TransformerConfig wide = new TransformerConfig(c.architecture(), c.dModel(), c.nLayers(), c.nHeads(), c.nHeads(),
                c.dHead(), c.dMlp(), c.vocabSize(), c.contextLength(), c.norm(), c.normEps(), c.activation(), c.gatedMlp(),
                c.positions(), c.ropeTheta(), c.causal(), c.attnScale(), c.attnSoftcap(), c.finalSoftcap(), c.slidingWindow(),
                c.slidingLayers(), c.embedScale(), c.postNorms());
        TransformerWeights w = model.weights();
        List<LayerWeights> layers = new ArrayList<>();
        for (LayerWeights l : w.layers()) {
            Attention a = l.attn();
            Attention expanded = new Attention(a.wq(), a.bq(), rows(a.wk(), c), bias(a.bk(), c), rows(a.wv(), c), bias(a.bv(), c),
                    a.wo(), a.bo());
            layers.add(new LayerWeights(l.attnNorm(), expanded, l.attnPostNorm(), l.mlpNorm(), l.mlp(), l.mlpPostNorm()));
        }
        return new Transformer(wide, new TransformerWeights(w.embed(), w.posEmbed(), layers, w.finalNorm(), w.unembed()));
    }

    /** Row block h of the result is row block h / groupSize of {@code kv}. */
    private static WeightMatrix rows(WeightMatrix kv, TransformerConfig c) {
        int d = c.dHead(), cols = kv.cols();
        float[] out = new float[c.nHeads() * d * cols];
        float[] row = new float[cols];
        for (int h = 0; h < c.nHeads(); h++) {
            for (int i = 0; i < d; i++) {
                kv.copyRow((h / c.groupSize()) * d + i, row, 0);
                System.arraycopy(row, 0, out, (h * d + i) * cols, cols);
            }
        }
        return new FloatMatrix(c.nHeads() * d, cols, out);
    }

    private static float[] bias(float[] b, TransformerConfig c) {
        if (b == null) return null;
        int d = c.dHead();
        float[] out = new float[c.nHeads() * d];
        for (int h = 0; h < c.nHeads(); h++) System.arraycopy(b, (h / c.groupSize()) * d, out, h * d, d);
        return out;
    }
}
