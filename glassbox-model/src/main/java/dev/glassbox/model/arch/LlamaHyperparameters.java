package dev.glassbox.model.arch;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerConfig.SlidingLayers;

/**
 * The published hyper-parameters of a llama-family model, and the {@link TransformerConfig} they imply:
 * RMSNorm before each sublayer and at the end, rotary positions, grouped-query attention scaled by
 * 1/sqrt(dHead), the SwiGLU MLP {@code down · (silu(gate · x) ⊙ (up · x))}, no biases.
 *
 * @param ropeStyle {@link Positions#ROPE_INTERLEAVED} for GGUF files and llama2.c checkpoints (their q and
 *     k rows are permuted so that adjacent pairs rotate, llama.cpp's "normal" rope for llama);
 *     {@link Positions#ROPE_HALF} for Hugging Face checkpoints, which rotate (i, i + dHead/2)
 */
public record LlamaHyperparameters(
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
        Positions ropeStyle) {

    public TransformerConfig config() {
        return new TransformerConfig("llama", dModel, nLayers, nHeads, nKvHeads, dHead, dMlp, vocabSize, contextLength,
                Norm.RMS_NORM, rmsEps, Activation.SILU, true, ropeStyle, ropeTheta, true,
                1f / (float) Math.sqrt(dHead), 0f, 0f, 0, SlidingLayers.NONE, 1f, false);
    }
}
