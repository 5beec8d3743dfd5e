package dev.glassbox.interp.circuits;

import java.util.List;

/**
 * One head, one projected input, the output change for each k.
 *
 * @param singularValues of the circuit whose singular vectors span the subspaces (W_QK for queries and keys,
 *     W_OV for values), descending
 * @param rank their numerical rank
 */
public record CompressionCurve(int layer, int head, Subspace subspace, double[] singularValues, int rank,
        List<CompressionPoint> points) {

    public CompressionCurve {
        points = List.copyOf(points);
    }

    public String name() {
        return "blocks." + layer + ".attn.head." + head;
    }

    /**
     * The smallest k whose change is at most {@code tolerance}: the mean KL, or for a model with one
     * numerical output the largest logit change; -1 if no k is.
     */
    public int smallestKWithin(double tolerance) {
        for (CompressionPoint p : points) {
            OutputChange c = p.change();
            double measure = Double.isNaN(c.meanKl()) ? c.maxLogitChange() : c.meanKl();
            if (measure <= tolerance) return p.k();
        }
        return -1;
    }
}
