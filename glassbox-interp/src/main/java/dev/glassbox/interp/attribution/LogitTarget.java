package dev.glassbox.interp.attribution;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.model.Transformer;
import dev.glassbox.tensor.WeightMatrix;

/**
 * What attribution explains: one output's logit, or the difference between two outputs' logits. As a
 * residual-stream direction read after the final norm: u = U[output] - U[minus], or u = U[output] alone.
 *
 * @param minus the subtracted output, or -1 for a single logit
 */
public record LogitTarget(int output, int minus) {

    public static LogitTarget logit(int output) {
        return new LogitTarget(output, -1);
    }

    public static LogitTarget difference(int output, int minus) {
        return new LogitTarget(output, minus);
    }

    public boolean isDifference() {
        return minus >= 0;
    }

    /** "a" or "a - b" in the model's labels. */
    public String describe(InterpModel model) {
        return model.outputLabel(output) + (isDifference() ? " - " + model.outputLabel(minus) : "");
    }

    /** The target's value from a row of (pre-soft-cap) logits. */
    public double of(float[] logits) {
        return logits[output] - (isDifference() ? logits[minus] : 0);
    }

    /**
     * u such that u . norm(x) is the target. Centred: the mean unembedding row is subtracted first, so a
     * single logit is read relative to the mean logit (a difference is unchanged by it).
     */
    public double[] direction(Transformer model, boolean centred) {
        WeightMatrix u = model.weights().unembed();
        check(u.rows());
        int d = u.cols();
        double[] out = new double[d];
        for (int i = 0; i < d; i++) out[i] = u.get(output, i) - (isDifference() ? u.get(minus, i) : 0);
        if (centred && !isDifference()) {
            float[] row = new float[d];
            for (int r = 0; r < u.rows(); r++) {
                u.copyRow(r, row, 0);
                for (int i = 0; i < d; i++) out[i] -= row[i] / (double) u.rows();
            }
        }
        return out;
    }

    private void check(int outputs) {
        for (int o : isDifference() ? new int[] {output, minus} : new int[] {output}) {
            if (o < 0 || o >= outputs) {
                throw new InvalidInputException("output " + o + " is out of range 0.." + (outputs - 1));
            }
        }
    }
}
