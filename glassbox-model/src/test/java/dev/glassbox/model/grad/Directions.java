package dev.glassbox.model.grad;

import java.util.Random;

/** Directions along which the checks move an activation. */
final class Directions {
    private Directions() {}

    /** g scaled so that its largest entry is ±1: the direction of steepest change. */
    static float[] alongGradient(float[] g) {
        float max = 0;
        for (float v : g) max = Math.max(max, Math.abs(v));
        float[] u = new float[g.length];
        if (max > 0) for (int e = 0; e < g.length; e++) u[e] = g[e] / max;
        return u;
    }

    /** Independent random signs. */
    static float[] rademacher(int size, Random random) {
        float[] u = new float[size];
        for (int e = 0; e < size; e++) u[e] = random.nextBoolean() ? 1f : -1f;
        return u;
    }

    /** Σ g_e u_e, in double. */
    static double dot(float[] g, float[] u) {
        double sum = 0;
        for (int e = 0; e < g.length; e++) sum += (double) g[e] * u[e];
        return sum;
    }

    static double[] toDouble(float[] u, double scale) {
        double[] d = new double[u.length];
        for (int e = 0; e < u.length; e++) d[e] = scale * u[e];
        return d;
    }
}
