package dev.glassbox.model.grad;

import java.util.function.ToDoubleFunction;

/** ∂f/∂x_e ≈ (f(x + h e) − f(x − h e)) / 2h for every e, in double. */
final class CentralDifferences {
    static final double STEP = 1e-6;

    private CentralDifferences() {}

    static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int e = 0; e < x.length; e++) {
            double saved = x[e];
            x[e] = saved + STEP;
            double plus = f.applyAsDouble(x);
            x[e] = saved - STEP;
            double minus = f.applyAsDouble(x);
            x[e] = saved;
            g[e] = (plus - minus) / (2 * STEP);
        }
        return g;
    }

    /** max_e |actual_e − expected_e| / max_e |expected_e|. */
    static double relativeError(float[] actual, double[] expected) {
        double error = 0, scale = 0;
        for (int e = 0; e < expected.length; e++) {
            error = Math.max(error, Math.abs(actual[e] - expected[e]));
            scale = Math.max(scale, Math.abs(expected[e]));
        }
        return scale == 0 ? error : error / scale;
    }
}
