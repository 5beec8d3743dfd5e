package dev.glassbox.model;

/**
 * Everything that decides the shape and arithmetic of one decoder-only transformer. Compiled Tracr
 * models and real language models (llama, Gemma 2) are points in this one space; the forward pass
 * reads these fields and nothing else.
 *
 * <p>Sizes: {@code nHeads} query heads of width {@code dHead}; {@code nKvHeads} key/value heads
 * (grouped-query attention when fewer than {@code nHeads}); {@code dMlp} hidden units per MLP.
 *
 * @param attnScale multiplier of q·k before the softmax (1/sqrt(dHead) for llama; 1 for compiled models,
 *     whose weights already carry their softmax coldness)
 * @param attnSoftcap attention-logit soft-cap c, scores become c·tanh(s/c); 0 disables it
 * @param finalSoftcap the same on the final logits; 0 disables it
 * @param slidingWindow keys older than this many positions are masked on the layers {@link #isSliding}
 *     selects; 0 disables it
 * @param slidingLayers which layers use the window
 * @param embedScale the token embedding is multiplied by this (sqrt(dModel) for Gemma, 1 otherwise)
 * @param postNorms Gemma 2's extra norms on the attention and MLP outputs before the residual add
 */
public record TransformerConfig(
        String architecture,
        int dModel,
        int nLayers,
        int nHeads,
        int nKvHeads,
        int dHead,
        int dMlp,
        int vocabSize,
        int contextLength,
        Norm norm,
        float normEps,
        Activation activation,
        boolean gatedMlp,
        Positions positions,
        float ropeTheta,
        boolean causal,
        float attnScale,
        float attnSoftcap,
        float finalSoftcap,
        int slidingWindow,
        SlidingLayers slidingLayers,
        float embedScale,
        boolean postNorms) {

    /** Normalisation before each sublayer and at the end. */
    public enum Norm { NONE, RMS_NORM, LAYER_NORM }

    /** Nonlinearity of the MLP (of its gate when gated). */
    public enum Activation { RELU, GELU_TANH, SILU }

    /** How positions enter: a learned table added to the embedding, rotary embeddings, or nothing. */
    public enum Positions { LEARNED, ROPE_INTERLEAVED, ROPE_HALF, NONE }

    /** Which layers use the sliding window (Gemma 2: even layers are local, odd ones global). */
    public enum SlidingLayers { NONE, ALL, EVEN }

    public TransformerConfig {
        requirePositive("dModel", dModel);
        requirePositive("nLayers", nLayers);
        requirePositive("nHeads", nHeads);
        requirePositive("nKvHeads", nKvHeads);
        requirePositive("dHead", dHead);
        requirePositive("dMlp", dMlp);
        requirePositive("vocabSize", vocabSize);
        requirePositive("contextLength", contextLength);
        if (nHeads % nKvHeads != 0) {
            throw new IllegalArgumentException(
                    "nHeads (" + nHeads + ") must be a multiple of nKvHeads (" + nKvHeads + ")");
        }
    }

    /**
     * A model compiled from RASP: learned positions, ReLU MLPs, no norms, no scaling of attention
     * scores (the weights carry it), bidirectional attention unless compiled causal.
     */
    public static TransformerConfig compiled(int dModel, int nLayers, int nHeads, int dHead, int dMlp,
            int vocabSize, int contextLength, boolean causal) {
        return new TransformerConfig("tracr", dModel, nLayers, nHeads, nHeads, dHead, dMlp, vocabSize,
                contextLength, Norm.NONE, 0f, Activation.RELU, false, Positions.LEARNED, 0f, causal,
                1f, 0f, 0f, 0, SlidingLayers.NONE, 1f, false);
    }

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return nHeads / nKvHeads;
    }

    public boolean isSliding(int layer) {
        if (slidingWindow <= 0) return false;
        return switch (slidingLayers) {
            case NONE -> false;
            case ALL -> true;
            case EVEN -> layer % 2 == 0;
        };
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
}
