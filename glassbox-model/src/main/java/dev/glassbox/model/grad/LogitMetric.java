package dev.glassbox.model.grad;

/**
 * A scalar function m of the logits [position][output]; the backward pass starts from its gradient
 * ∂m/∂logits. The usual choices are factories here; any differentiable function can implement it.
 */
public interface LogitMetric {

    /** m(logits). */
    double value(float[][] logits);

    /** ∂m/∂logits, the same shape as {@code logits}. */
    float[][] gradient(float[][] logits);

    /** m = logits[position][token]. */
    static LogitMetric logit(int position, int token) {
        return new LogitDifference(position, token, -1);
    }

    /** m = logits[position][correct] − logits[position][wrong], the usual patching metric. */
    static LogitMetric logitDifference(int position, int correct, int wrong) {
        if (wrong < 0) throw new IllegalArgumentException("wrong must be a token index, got " + wrong);
        return new LogitDifference(position, correct, wrong);
    }

    /** m = log softmax(logits[position])[token]. */
    static LogitMetric logProb(int position, int token) {
        return new LogProbability(new int[] {position}, new int[] {token});
    }

    /**
     * m = Σ_i log p(targets[i] | position i): the negative of the next-token loss when targets[i] is the
     * token at i + 1. {@code targets} may be shorter than the sequence; position i predicts targets[i].
     */
    static LogitMetric sumLogProbs(int[] targets) {
        int[] positions = new int[targets.length];
        for (int i = 0; i < positions.length; i++) positions[i] = i;
        return new LogProbability(positions, targets.clone());
    }

    /** m = Σ_{i,t} coefficients[i][t] · logits[i][t]: linear, so its gradient is the coefficients. */
    static LogitMetric linear(float[][] coefficients) {
        float[][] copy = new float[coefficients.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = coefficients[i].clone();
        return new LinearMetric(copy);
    }
}
