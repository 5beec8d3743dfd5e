package dev.glassbox.compiler.craft;

import dev.glassbox.rasp.Values;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The original's MLP for a categorical → numerical Map (compat mode).
 *
 * <p>Construction. With x one-hot, {@code f(x) = Σ_v f(v) x_v} is linear. The original computes it into
 * a single hidden neuron and copies that neuron to the output: {@code out = ReLU(Σ_v f(v) x_v)}. The ReLU
 * is the fault: every negative f(v) comes out as 0. (The default mode reads the Map through a linear view,
 * {@link LinearViews}, with no ReLU in the way.)
 */
public final class CategoricalToNumericalMlp {
    private CategoricalToNumericalMlp() {}

    public static MlpBlock map(List<BasisDirection> inputSpace, BasisDirection output, UnaryOperator<Object> f) {
        BasisDirection hidden = CategoricalMlp.hiddenCopy(output);
        Linear first = new Linear(), second = new Linear();
        for (BasisDirection in : inputSpace) {
            Object y = Functions.applyOrNull(() -> f.apply(in.value()));
            if (y != null && Values.isNumber(y)) first.add(in, hidden, Values.toDouble(y));
        }
        second.add(hidden, output, 1);
        return new MlpBlock(inputSpace, List.of(hidden), first, second, List.of(output));
    }
}
