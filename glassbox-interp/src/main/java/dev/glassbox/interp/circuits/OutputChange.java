package dev.glassbox.interp.circuits;

/**
 * How far edited logits are from the original ones, over the measured positions of every prompt.
 *
 * @param meanKl mean over positions of KL(p || p') = sum_v p_v (log p_v - log p'_v) with p = softmax of the
 *     original logits; NaN for a model with a single (numerical) output
 * @param maxLogitChange the largest |logit' - logit|
 * @param topAgreement the fraction of positions whose largest logit is the same output
 */
public record OutputChange(double meanKl, double maxLogitChange, double topAgreement) {

    /** Compares logits [prompt][position][output] at positions {@code from} and after. */
    public static OutputChange between(float[][][] original, float[][][] edited, int from) {
        double kl = 0, max = 0;
        int positions = 0, same = 0;
        for (int p = 0; p < original.length; p++) {
            for (int i = from; i < original[p].length; i++) {
                float[] a = original[p][i], b = edited[p][i];
                kl += a.length > 1 ? kl(a, b) : Double.NaN;
                for (int v = 0; v < a.length; v++) max = Math.max(max, Math.abs((double) b[v] - a[v]));
                if (argmax(a) == argmax(b)) same++;
                positions++;
            }
        }
        return new OutputChange(positions == 0 ? Double.NaN : kl / positions, max, positions == 0 ? Double.NaN : same / (double) positions);
    }

    /** KL(softmax(a) || softmax(b)) with log-sum-exp for both. */
    static double kl(float[] a, float[] b) {
        double la = logSumExp(a), lb = logSumExp(b), sum = 0;
        for (int v = 0; v < a.length; v++) {
            double logP = a[v] - la;
            double p = Math.exp(logP);
            if (p > 0) sum += p * (logP - (b[v] - lb));
        }
        return Math.max(0, sum);
    }

    private static double logSumExp(float[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) max = Math.max(max, v);
        double s = 0;
        for (float v : x) s += Math.exp(v - max);
        return max + Math.log(s);
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}
