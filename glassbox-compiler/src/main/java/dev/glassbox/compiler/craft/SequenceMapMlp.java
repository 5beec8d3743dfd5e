package dev.glassbox.compiler.craft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A categorical SequenceMap f(x, y) of two different S-Ops.
 *
 * <p>Construction. x and y are one-hot, so the pair (x, y) is one-hot over pairs once we have the AND of
 * each x_i with each y_j. One hidden neuron per pair computes it: {@code h_ij = ReLU(x_i + y_j - 1)} is 1
 * when both are 1 and 0 otherwise (the -1 comes from the {@code one} direction). The second layer is the
 * lookup table {@code out = Σ_ij e_{f(i,j)} h_ij}. At BOS, and wherever x or y is None (the zero vector),
 * every neuron is off and the output is the zero vector, None again.
 *
 * <p>The original keeps a neuron for every pair; the default mode leaves out the pairs whose value is None
 * (they would write nothing).
 */
public final class SequenceMapMlp {
    private SequenceMapMlp() {}

    public static MlpBlock build(String hiddenName, List<BasisDirection> xSpace, List<BasisDirection> ySpace,
            List<BasisDirection> outputSpace, String outputName, BinaryOperator<Object> f, boolean keepEveryPair) {
        Linear first = new Linear(), second = new Linear();
        List<BasisDirection> hidden = new ArrayList<>();
        for (BasisDirection x : xSpace) {
            for (BasisDirection y : ySpace) {
                Object z = Functions.applyOrNull(() -> f.apply(x.value(), y.value()));
                BasisDirection out = z == null ? null : new BasisDirection(outputName, z);
                boolean writes = out != null && outputSpace.contains(out);
                if (!writes && !keepEveryPair) continue;
                BasisDirection h = new BasisDirection(hiddenName, List.of(x.name(), x.value(), y.name(), y.value()));
                hidden.add(h);
                first.add(Directions.ONE, h, -1).add(x, h, 1).add(y, h, 1);
                if (writes) second.add(h, out, 1);
            }
        }
        LinkedHashSet<BasisDirection> inputs = new LinkedHashSet<>(xSpace);
        inputs.addAll(ySpace);
        inputs.add(Directions.ONE);
        return new MlpBlock(new ArrayList<>(inputs), hidden, first, second, outputSpace);
    }
}
