package dev.glassbox.model.grad;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;

/**
 * Finite differences through the runtime's float forward pass, the activation at one hook point moved
 * along a direction by a hook. The five-point stencil
 * D ≈ [8(m(h) − m(−h)) − (m(2h) − m(−2h))] / 12h has truncation error O(h⁴), which lets h be large
 * enough that float rounding in m (about 1e-6 absolute here) costs little: h = 1e-2 / max(1, |D|), so
 * that the step changes m by about 1e-2 at most and stays in the range where the quartic term is small
 * (a steep direction of stories260K is visibly curved at h = 1e-2, straight at 1e-3).
 */
final class RuntimeDifferences {
    private RuntimeDifferences() {}

    /** D ≈ d m(x + t u)/dt at t = 0; {@code expected} (the derivative to be checked) sets the step only. */
    static double directional(Transformer model, int[] tokens, LogitMetric metric, String name, float[] u, double expected) {
        double h = 1e-2 / Math.max(1, Math.abs(expected));
        double p1 = nudged(model, tokens, metric, name, u, h), m1 = nudged(model, tokens, metric, name, u, -h);
        double p2 = nudged(model, tokens, metric, name, u, 2 * h), m2 = nudged(model, tokens, metric, name, u, -2 * h);
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * h);
    }

    static double nudged(Transformer model, int[] tokens, LogitMetric metric, String name, float[] u, double t) {
        HookRegistry hooks = model.newHooks();
        try (HookHandle _ = hooks.add(name, (a, n) -> {
            float[] data = a.data();
            for (int e = 0; e < data.length; e++) data[e] += (float) (t * u[e]);
            return a;
        })) {
            return metric.value(model.forward(tokens, hooks));
        }
    }
}
