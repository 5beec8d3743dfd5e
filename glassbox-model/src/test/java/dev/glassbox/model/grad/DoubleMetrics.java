package dev.glassbox.model.grad;

/** The metrics of the checks, in double, on the oracle's logits. */
final class DoubleMetrics {
    private DoubleMetrics() {}

    /** Σ_i log softmax(logits[i])[targets[i]], the double twin of {@link LogitMetric#sumLogProbs}. */
    static double sumLogProbs(double[][] logits, int[] targets) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) max = Math.max(max, v);
            double z = 0;
            for (double v : logits[i]) z += Math.exp(v - max);
            sum += logits[i][targets[i]] - max - Math.log(z);
        }
        return sum;
    }
}
