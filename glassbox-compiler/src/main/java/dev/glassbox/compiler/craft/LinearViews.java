package dev.glassbox.compiler.craft;

import dev.glassbox.rasp.Values;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * S-Ops that are linear functions of other S-Ops' encodings, and so need neither a block nor directions of
 * their own (default mode): every reader of the residual stream (a head's query, key and value, an MLP's
 * first layer, the unembedding) is linear, so it can read such an S-Op by reading the directions it is a
 * combination of. The S-Op costs no sublayer and no residual dimension.
 *
 * <ul>
 *   <li>A Map of a categorical S-Op x, to either encoding: x is one-hot (or zero for None), so
 *       {@code e_{f(x)} = Σ_v e_{f(v)} x_v} and {@code f(x) = Σ_v f(v) x_v}. (A SequenceMap of x with x is
 *       such a Map.)
 *   <li>A numerical Map of a numerical x whose function is affine on x's values, {@code f(x) = a·x + b}:
 *       {@code a·x + b·(one - tokens:BOS)}, which is 0 at BOS like everything else.
 *   <li>A numerical LinearSequenceMap {@code a·x + b·y} (of numerical S-Ops, or categorical ones holding
 *       numbers, read as {@code Σ_v v·x_v}).
 *   <li>Full(c) inside a Select: the constant one-hot {@code one - tokens:BOS}.
 * </ul>
 *
 * A view's definition maps each of its directions to a combination of its inputs' directions, which may be
 * views themselves; the assembler resolves them down to residual directions.
 */
public final class LinearViews {
    private LinearViews() {}

    /** A Map (or SequenceMap of x with x) of a categorical input. */
    public static Linear ofCategorical(List<BasisDirection> inputSpace, List<BasisDirection> outputSpace,
            String outputName, boolean numericalOutput, UnaryOperator<Object> f) {
        Linear view = new Linear();
        for (BasisDirection in : inputSpace) {
            Object y = Functions.applyOrNull(() -> f.apply(in.value()));
            if (y == null) continue;
            if (numericalOutput) {
                view.add(outputSpace.getFirst(), in, Values.toDouble(y));
            } else {
                BasisDirection out = new BasisDirection(outputName, y);
                if (outputSpace.contains(out)) view.add(out, in, 1);
            }
        }
        return view;
    }

    /** {@code a·x + b} of a numerical x. */
    public static Linear affine(BasisDirection output, BasisDirection input, double a, double b) {
        return new Linear().add(output, input, a).add(output, Directions.ONE, b).add(output, Directions.BOS, -b);
    }

    /** Adds {@code factor·x} to a numerical view, for a numerical x or a categorical x holding numbers. */
    public static void addScaled(Linear view, BasisDirection output, List<BasisDirection> inputSpace,
            boolean numericalInput, double factor) {
        for (BasisDirection in : inputSpace) {
            view.add(output, in, numericalInput ? factor : factor * Values.toDouble(in.value()));
        }
    }

    /** The constant {@code value} at every position but BOS: a one-hot direction, or a number. */
    public static Linear constant(BasisDirection direction, double magnitude) {
        return new Linear().add(direction, Directions.ONE, magnitude).add(direction, Directions.BOS, -magnitude);
    }

    /**
     * Whether f is affine on {@code xs} (up to one part in 10^9), as {a, b}; null if not.
     */
    public static double[] affineFit(List<Object> xs, UnaryOperator<Object> f) {
        if (xs.isEmpty()) return new double[] {0, 0};
        double[] ys = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            Object x = xs.get(i);
            Object y = Functions.applyOrNull(() -> f.apply(x));
            if (y == null || !Values.isNumber(y)) return null;
            ys[i] = Values.toDouble(y);
        }
        double x0 = Values.toDouble(xs.getFirst()), xn = Values.toDouble(xs.getLast());
        double a = xs.size() == 1 || xn == x0 ? 0 : (ys[ys.length - 1] - ys[0]) / (xn - x0);
        double b = ys[0] - a * x0;
        for (int i = 0; i < xs.size(); i++) {
            double predicted = a * Values.toDouble(xs.get(i)) + b;
            if (Math.abs(predicted - ys[i]) > 1e-9 * Math.max(1, Math.abs(ys[i]))) return null;
        }
        return new double[] {a, b};
    }
}
