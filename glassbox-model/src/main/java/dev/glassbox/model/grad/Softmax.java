package dev.glassbox.model.grad;

/** Backward of a softmax row p = softmax(s):  ∂m/∂s_j = p_j (∂m/∂p_j − Σ_k p_k ∂m/∂p_k). */
final class Softmax {
    private Softmax() {}

    /** ds[off + j] = p_j (dp_j − Σ_k p_k dp_k) for j < count; masked keys have p = 0, so ds = 0. */
    static void backward(float[] p, float[] dp, float[] ds, int off, int count) {
        double dot = 0;
        for (int k = 0; k < count; k++) dot += (double) p[off + k] * dp[off + k];
        for (int j = 0; j < count; j++) {
            float pj = p[off + j];
            ds[off + j] = pj == 0f ? 0f : (float) (pj * (dp[off + j] - dot));
        }
    }
}
