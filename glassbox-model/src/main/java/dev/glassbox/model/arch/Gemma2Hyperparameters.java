package dev.glassbox.model.arch;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;

/**
 * The hyper-parameters of a Gemma 2 model, and the {@link TransformerConfig} they imply, exactly:
 * <ul>
 *   <li>token embeddings multiplied by sqrt(dModel) (tied to the unembedding);
 *   <li>RMSNorm before and after each sublayer (four norms per layer) and at the end; the stored norm
 *       weights must already be {@code 1 + w} (GGUF files are; Hugging Face checkpoints store {@code w});
 *   <li>rotary positions on (i, i + dHead/2) pairs (NEOX style), theta 10000;
 *   <li>attention scores scaled by {@code queryPreAttnScalar^-1/2}, then soft-capped at 50; sliding-window
 *       attention (4096) on even layers, global on odd ones;
 *   <li>GeGLU MLP with the tanh approximation of GELU; final logits soft-capped at 30.
 * </ul>
 *
 * @param queryPreAttnScalar q·k is divided by its square root: dHead for 2B and 9B, dModel/nHeads = 144 for
 *     27B (Hugging Face's query_pre_attn_scalar; GGUF has no such key and llama.cpp derives the same
 *     values from the layer count, see {@link GgufArchitecture})
 */
public record Gemma2Hyperparameters(
        int dModel,
        int nLayers,
        int nHeads,
        int nKvHeads,
        int dHead,
        int dMlp,
        int vocabSize,
        int contextLength,
        float rmsEps,
        float ropeTheta,
        int slidingWindow,
        float queryPreAttnScalar,
        float attnSoftcap,
        float finalSoftcap) {

    /** google/gemma-2-2b: 26 layers of 2304, 8 query and 4 key/value heads of 256. */
    public static Gemma2Hyperparameters gemma2_2b() {
        return new Gemma2Hyperparameters(2304, 26, 8, 4, 256, 9216, 256000, 8192, 1e-6f, 10000f, 4096, 256f, 50f, 30f);
    }

    /** google/gemma-2-9b: 42 layers of 3584, 16 query and 8 key/value heads of 256. */
    public static Gemma2Hyperparameters gemma2_9b() {
        return new Gemma2Hyperparameters(3584, 42, 16, 8, 256, 14336, 256000, 8192, 1e-6f, 10000f, 4096, 256f, 50f, 30f);
    }

    /** google/gemma-2-27b: 46 layers of 4608, 32 query and 16 key/value heads of 128; queries scaled by 1/sqrt(144). */
    public static Gemma2Hyperparameters gemma2_27b() {
        return new Gemma2Hyperparameters(4608, 46, 32, 16, 128, 36864, 256000, 8192, 1e-6f, 10000f, 4096, 144f, 50f, 30f);
    }

    public TransformerConfig config() {
        return new TransformerConfig("gemma2", dModel, nLayers, nHeads, nKvHeads, dHead, dMlp, vocabSize, contextLength,
                Norm.RMS_NORM, rmsEps, Activation.GELU_TANH, true, Positions.ROPE_HALF, ropeTheta, true,
                1f / (float) Math.sqrt(queryPreAttnScalar), attnSoftcap, finalSoftcap, slidingWindow,
                SlidingLayers.EVEN, (float) Math.sqrt(dModel), true);
    }
}
