package dev.glassbox.model.llama2c;

import dev.glassbox.io.llama2c.Llama2cCheckpoint;
import dev.glassbox.io.llama2c.Llama2cHeader;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.FloatMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A llama2.c checkpoint as a {@link Transformer}. llama2.c's model is llama: RMSNorm (eps 1e-5) before
 * each sublayer and at the end, rotary positions on adjacent pairs (theta 10000), scores scaled by
 * 1/sqrt(head_size), grouped-query attention, and the SwiGLU MLP w2 · (silu(w1 x) ⊙ (w3 x)), so
 * w1 is our gate, w3 our up-projection (wIn) and w2 our wOut. No biases.
 */
public final class Llama2cTransformers {
    private Llama2cTransformers() {}

    /** Reads and validates {@code path} (see {@link Llama2cCheckpoint#read}). */
    public static Transformer load(Path path) {
        return of(Llama2cCheckpoint.read(path));
    }

    public static Transformer of(Llama2cCheckpoint checkpoint) {
        TransformerConfig config = config(checkpoint.header());
        int dim = config.dModel(), hidden = config.dMlp(), kv = checkpoint.header().kvDim();
        List<LayerWeights> layers = new ArrayList<>();
        for (Llama2cCheckpoint.Layer l : checkpoint.layers()) {
            Attention attn = new Attention(
                    new FloatMatrix(dim, dim, l.wq()), null,
                    new FloatMatrix(kv, dim, l.wk()), null,
                    new FloatMatrix(kv, dim, l.wv()), null,
                    new FloatMatrix(dim, dim, l.wo()), null);
            Mlp mlp = new Mlp(new FloatMatrix(hidden, dim, l.w3()), null,
                    new FloatMatrix(hidden, dim, l.w1()),
                    new FloatMatrix(dim, hidden, l.w2()), null);
            layers.add(new LayerWeights(l.rmsAtt(), attn, null, l.rmsFfn(), mlp, null));
        }
        FloatMatrix embed = new FloatMatrix(config.vocabSize(), dim, checkpoint.tokenEmbedding());
        FloatMatrix classifier = checkpoint.classifier() == checkpoint.tokenEmbedding()
                ? embed
                : new FloatMatrix(config.vocabSize(), dim, checkpoint.classifier());
        return new Transformer(config, new TransformerWeights(embed, null, layers, checkpoint.rmsFinal(), classifier));
    }

    /** The configuration llama2.c's run.c implies for a header. */
    public static TransformerConfig config(Llama2cHeader h) {
        int headSize = h.headSize();
        return new TransformerConfig("llama", h.dim(), h.nLayers(), h.nHeads(), h.nKvHeads(), headSize,
                h.hiddenDim(), h.vocabSize(), h.seqLen(), Norm.RMS_NORM, 1e-5f, Activation.SILU, true,
                Positions.ROPE_INTERLEAVED, 10000f, true, (float) (1 / Math.sqrt(headSize)), 0f, 0f, 0,
                SlidingLayers.NONE, 1f, false);
    }
}
