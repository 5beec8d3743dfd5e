package dev.glassbox.model.grad;

/**
 * Backward of soft-capping y = c tanh(x / c):  dy/dx = 1 − tanh²(x/c) = 1 − (y/c)², read from the output
 * y the forward pass kept. A masked score (y = −inf) has no gradient.
 */
final class Softcap {
    private Softcap() {}

    static float derivative(float y, float cap) {
        if (!Float.isFinite(y)) return 0f;
        double t = y / (double) cap;
        return (float) (1 - t * t);
    }
}
