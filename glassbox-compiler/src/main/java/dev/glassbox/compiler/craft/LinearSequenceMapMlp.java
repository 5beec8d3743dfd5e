package dev.glassbox.compiler.craft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The original's MLP for a numerical LinearSequenceMap {@code a·x + b·y} (compat mode).
 *
 * <p>Construction. A ReLU passes only the positive part, so each input goes through two neurons,
 * {@code ReLU(x)} and {@code ReLU(-x)}, whose difference is x again: {@code out = a·(ReLU(x) - ReLU(-x))
 * + b·(ReLU(y) - ReLU(-y))}. Four neurons for what is a linear map of the residual stream; the default mode
 * reads it through a linear view instead ({@link LinearViews}), with no neurons and no sublayer.
 */
public final class LinearSequenceMapMlp {
    private LinearSequenceMapMlp() {}

    public static MlpBlock build(String hiddenName, BasisDirection x, BasisDirection y, BasisDirection output,
            double a, double b) {
        BasisDirection xPos = new BasisDirection(hiddenName + "x", 1), xNeg = new BasisDirection(hiddenName + "x", -1);
        BasisDirection yPos = new BasisDirection(hiddenName + "y", 1), yNeg = new BasisDirection(hiddenName + "y", -1);
        Linear first = new Linear(), second = new Linear();
        first.add(x, xPos, 1).add(x, xNeg, -1).add(y, yPos, 1).add(y, yNeg, -1);
        second.add(xPos, output, a).add(xNeg, output, -a).add(yPos, output, b).add(yNeg, output, -b);
        LinkedHashSet<BasisDirection> inputs = new LinkedHashSet<>(List.of(x, y));
        return new MlpBlock(new ArrayList<>(inputs), List.of(xPos, xNeg, yPos, yNeg), first, second, List.of(output));
    }
}
