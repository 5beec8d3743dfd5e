package dev.glassbox.model.grad;

import dev.glassbox.core.InvalidInputException;

/** m = Σ c_it l_it. Linear in the logits, so attribution through a linear path is exact for it. */
record LinearMetric(float[][] coefficients) implements LogitMetric {

    @Override
    public double value(float[][] logits) {
        check(logits);
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            for (int t = 0; t < logits[i].length; t++) sum += (double) coefficients[i][t] * logits[i][t];
        }
        return sum;
    }

    @Override
    public float[][] gradient(float[][] logits) {
        check(logits);
        float[][] g = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) g[i] = coefficients[i].clone();
        return g;
    }

    private void check(float[][] logits) {
        if (coefficients.length != logits.length) {
            throw new InvalidInputException("the linear metric has coefficients for " + coefficients.length
                    + " positions but the run has " + logits.length);
        }
        for (int i = 0; i < logits.length; i++) {
            if (coefficients[i].length != logits[i].length) {
                throw new InvalidInputException("the linear metric has " + coefficients[i].length
                        + " coefficients at position " + i + " but the model has " + logits[i].length + " outputs");
            }
        }
    }
}
