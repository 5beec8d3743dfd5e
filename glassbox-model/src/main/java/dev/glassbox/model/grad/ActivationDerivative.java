package dev.glassbox.model.grad;

import dev.glassbox.model.TransformerConfig.Activation;
import dev.glassbox.tensor.kernels.Kernels;

/**
 * The MLP nonlinearities' derivatives, in double:
 * <pre>
 *   ReLU   f = max(x, 0)                   f' = [x > 0]   (0 at the kink, like the forward's max)
 *   GELU   f = x/2 (1 + tanh u),  u = a (x + b x³),  a = sqrt(2/π), b = 0.044715
 *          f' = (1 + tanh u)/2 + x/2 (1 − tanh² u) a (1 + 3 b x²)
 *   SiLU   f = x σ(x)                      f' = σ(x) (1 + x (1 − σ(x)))
 * </pre>
 */
final class ActivationDerivative {
    private static final double A = Math.sqrt(2 / Math.PI);
    private static final double B = 0.044715;

    private ActivationDerivative() {}

    static double derivative(Activation kind, double x) {
        return switch (kind) {
            case RELU -> x > 0 ? 1 : 0;
            case GELU_TANH -> {
                double t = Math.tanh(A * (x + B * x * x * x));
                yield 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * A * (1 + 3 * B * x * x);
            }
            case SILU -> {
                double s = 1 / (1 + Math.exp(-x));
                yield s * (1 + x * (1 - s));
            }
        };
    }

    /** f(x) as the forward pass computed it (same kernel), for the gated MLP's up-projection gradient. */
    static float[] apply(Activation kind, float[] x, Kernels kernels) {
        float[] y = x.clone();
        switch (kind) {
            case RELU -> kernels.relu(y, 0, y.length);
            case GELU_TANH -> kernels.geluTanh(y, 0, y.length);
            case SILU -> kernels.silu(y, 0, y.length);
        }
        return y;
    }
}
