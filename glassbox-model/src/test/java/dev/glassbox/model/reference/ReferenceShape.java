package dev.glassbox.model.reference;

import java.util.List;

/**
 * The hyper-parameters of one random model compared with llama.cpp. Widths are multiples of 256 so that every
 * matrix can be stored in the k-quants too (Q4_K and Q6_K blocks hold 256 values of a row).
 *
 * @param slidingWindow Gemma 2's window on even layers (0 for llama)
 * @param attnSoftcap Gemma 2's attention soft-cap (0 for llama)
 * @param finalSoftcap Gemma 2's final-logit soft-cap (0 for llama)
 */
record ReferenceShape(String name, String arch, int dModel, int nLayers, int nHeads, int nKvHeads, int dHead, int dMlp,
        int slidingWindow, float attnSoftcap, float finalSoftcap, float ropeTheta, float rmsEps) {

    /** Tokens run through every model: longer than every sliding window below. */
    static final int SEQUENCE = 64;

    /**
     * Gemma 2 with GQA ratios 1, 2 and 4, heads wider than d_model / heads, windows of 4, 11 and 7 (3 layers in
     * the first, so a global layer sits between two sliding ones), and one model with tight soft-caps so that
     * both tanh caps bend; then llama (GQA 2, untied output).
     */
    static final List<ReferenceShape> ALL = List.of(
            gemma2("gemma2-gqa1-w4", 256, 3, 4, 4, 128, 512, 4, 50f, 30f),
            gemma2("gemma2-gqa2-w11", 256, 2, 8, 4, 64, 768, 11, 50f, 30f),
            gemma2("gemma2-gqa4-w7-caps", 256, 2, 8, 2, 64, 512, 7, 2.5f, 3f),
            new ReferenceShape("llama-gqa2", "llama", 256, 2, 4, 2, 64, 512, 0, 0f, 0f, 10000f, 1e-5f));

    static ReferenceShape gemma2(String name, int dModel, int nLayers, int nHeads, int nKvHeads, int dHead, int dMlp,
            int window, float attnCap, float finalCap) {
        return new ReferenceShape(name, "gemma2", dModel, nLayers, nHeads, nKvHeads, dHead, dMlp, window, attnCap, finalCap,
                10000f, 1e-6f);
    }

    boolean gemma2() {
        return arch.equals("gemma2");
    }

    @Override
    public String toString() {
        return name;
    }
}
