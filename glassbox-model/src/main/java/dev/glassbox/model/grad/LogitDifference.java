package dev.glassbox.model.grad;

/** m = l[pos][correct] − l[pos][wrong] (or just l[pos][correct] when wrong < 0); ∂m/∂l is ±1 there. */
record LogitDifference(int position, int correct, int wrong) implements LogitMetric {

    @Override
    public double value(float[][] logits) {
        check(logits);
        double m = logits[position][correct];
        return wrong < 0 ? m : m - logits[position][wrong];
    }

    @Override
    public float[][] gradient(float[][] logits) {
        check(logits);
        float[][] g = LogitIndex.zerosLike(logits);
        g[position][correct] += 1f;
        if (wrong >= 0) g[position][wrong] -= 1f;
        return g;
    }

    private void check(float[][] logits) {
        LogitIndex.check(logits, position, correct);
        if (wrong >= 0) LogitIndex.check(logits, position, wrong);
    }
}
