package dev.glassbox.compiler.craft;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The original's MLP for a categorical → categorical Map (compat mode; the default mode reads such a Map
 * through a linear view instead, see {@link LinearViews}).
 *
 * <p>Construction. The input x is one-hot over the input values, so any function of it is a lookup table,
 * and a lookup table is linear in x: {@code out = Σ_v e_{f(v)} x_v}. The original still spends one hidden
 * neuron per output value: the first layer computes that table into a hidden copy of the output space
 * (a one-hot vector, unchanged by ReLU since it is 0 or 1), and the second layer is the identity.
 */
public final class CategoricalMlp {
    private CategoricalMlp() {}

    /**
     * @param f the Map's function on values; null (or a value outside the output space) maps to zero
     */
    public static MlpBlock map(List<BasisDirection> inputSpace, List<BasisDirection> outputSpace, String outputName,
            UnaryOperator<Object> f) {
        Linear first = new Linear(), second = new Linear();
        for (BasisDirection in : inputSpace) {
            Object y = Functions.applyOrNull(() -> f.apply(in.value()));
            if (y == null) continue;
            BasisDirection out = new BasisDirection(outputName, y);
            if (outputSpace.contains(out)) first.add(in, hiddenCopy(out), 1);
        }
        List<BasisDirection> hidden = new ArrayList<>();
        for (BasisDirection out : outputSpace) {
            hidden.add(hiddenCopy(out));
            second.add(hiddenCopy(out), out, 1);
        }
        return new MlpBlock(inputSpace, hidden, first, second, outputSpace);
    }

    /** The hidden neuron that mirrors an output direction (the original uses the output direction itself). */
    static BasisDirection hiddenCopy(BasisDirection out) {
        return new BasisDirection("hidden:" + out.name(), out.value());
    }
}
