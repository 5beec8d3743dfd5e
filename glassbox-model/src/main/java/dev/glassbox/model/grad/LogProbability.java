package dev.glassbox.model.grad;

/**
 * m = Σ_k log softmax(l[pos_k])[tok_k]. With p = softmax(l[pos]): ∂ log p_t / ∂ l_j = [j = t] − p_j.
 * Computed in double with the max subtracted, so large logits neither overflow nor lose the answer.
 */
record LogProbability(int[] positions, int[] tokens) implements LogitMetric {

    @Override
    public double value(float[][] logits) {
        double sum = 0;
        for (int k = 0; k < positions.length; k++) {
            LogitIndex.check(logits, positions[k], tokens[k]);
            float[] row = logits[positions[k]];
            sum += row[tokens[k]] - logSumExp(row);
        }
        return sum;
    }

    @Override
    public float[][] gradient(float[][] logits) {
        float[][] g = LogitIndex.zerosLike(logits);
        for (int k = 0; k < positions.length; k++) {
            LogitIndex.check(logits, positions[k], tokens[k]);
            float[] row = logits[positions[k]];
            double lse = logSumExp(row);
            float[] out = g[positions[k]];
            for (int j = 0; j < row.length; j++) out[j] -= (float) Math.exp(row[j] - lse);
            out[tokens[k]] += 1f;
        }
        return g;
    }

    /** log Σ_j exp(l_j) = max + log Σ_j exp(l_j − max). */
    static double logSumExp(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) max = Math.max(max, v);
        double sum = 0;
        for (float v : row) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }
}
