package dev.glassbox.model;

import dev.glassbox.tensor.WeightMatrix;
import java.util.List;

/**
 * The parameters of a {@link TransformerConfig}. Matrices follow {@link WeightMatrix}'s layout
 * (rows = outputs). Optional parts are null: biases, norms a config does not use, a learned position
 * table for rotary models.
 *
 * @param embed token embedding, [vocabSize][dModel]: row t is token t's vector
 * @param posEmbed learned positions, [contextLength][dModel], or null
 * @param finalNorm weight of the final norm, or null
 * @param unembed [vocabSize][dModel]: logits = unembed · x (the same object as embed when tied)
 */
public record TransformerWeights(
        WeightMatrix embed,
        WeightMatrix posEmbed,
        List<LayerWeights> layers,
        float[] finalNorm,
        WeightMatrix unembed) {

    public TransformerWeights {
        layers = List.copyOf(layers);
    }

    /**
     * One block: attention then MLP, each with an optional pre-norm and (Gemma 2) post-norm.
     */
    public record LayerWeights(
            float[] attnNorm,
            Attention attn,
            float[] attnPostNorm,
            float[] mlpNorm,
            Mlp mlp,
            float[] mlpPostNorm) {}

    /**
     * Attention projections. Head h's query rows are [h*dHead, (h+1)*dHead) of wq; key/value head g's
     * rows are [g*dHead, (g+1)*dHead) of wk and wv; wo maps the concatenated heads back to dModel.
     *
     * @param wq [nHeads*dHead][dModel]
     * @param wk [nKvHeads*dHead][dModel]
     * @param wv [nKvHeads*dHead][dModel]
     * @param wo [dModel][nHeads*dHead]
     */
    public record Attention(
            WeightMatrix wq, float[] bq,
            WeightMatrix wk, float[] bk,
            WeightMatrix wv, float[] bv,
            WeightMatrix wo, float[] bo) {}

    /**
     * MLP: out = wOut · act(wIn · x + bIn) + bOut, or with a gate, wOut · (act(wGate · x) ⊙ (wIn · x)).
     *
     * @param wIn [dMlp][dModel]
     * @param wGate [dMlp][dModel] or null
     * @param wOut [dModel][dMlp]
     */
    public record Mlp(
            WeightMatrix wIn, float[] bIn,
            WeightMatrix wGate,
            WeightMatrix wOut, float[] bOut) {}
}
