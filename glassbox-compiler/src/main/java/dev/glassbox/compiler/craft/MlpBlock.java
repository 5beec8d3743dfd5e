package dev.glassbox.compiler.craft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An MLP sublayer (or the part of one that computes one expression): {@code out = second · ReLU(first · x)},
 * with x read from {@code inputSpace} and the result written to {@code outputSpace}. There are no biases:
 * a constant enters through the {@code one} direction, which is 1 at every position.
 *
 * @param inputSpace the directions this block reads (its declared space; the original counts all of them)
 * @param hidden the hidden neurons, in order
 * @param first input direction → hidden neuron → weight
 * @param second hidden neuron → output direction → weight
 * @param outputSpace the directions it writes
 */
public record MlpBlock(List<BasisDirection> inputSpace, List<BasisDirection> hidden, Linear first, Linear second,
        List<BasisDirection> outputSpace) {

    public MlpBlock {
        inputSpace = List.copyOf(inputSpace);
        hidden = List.copyOf(hidden);
        outputSpace = List.copyOf(outputSpace);
    }

    public int width() {
        return hidden.size();
    }

    /**
     * Several MLPs side by side in one sublayer. Neurons are matched by direction; a neuron that two parts
     * share (the clean-BOS neuron of several SelectorWidths) is one neuron.
     *
     * <p>With {@code tracrSumsSharedNeurons} its input weights are added up, as the original does: the
     * shared neuron then fires k times too strongly for k SelectorWidths, and each part's output weights,
     * also added, are applied k times (the fault the default mode fixes). Without it the input weights must
     * agree and are taken once, so the neuron computes the same value and its outputs add up.
     */
    public static MlpBlock inParallel(List<MlpBlock> parts, boolean tracrSumsSharedNeurons) {
        LinkedHashSet<BasisDirection> inputs = new LinkedHashSet<>(), neurons = new LinkedHashSet<>(),
                outputs = new LinkedHashSet<>();
        Linear first = new Linear(), second = new Linear();
        for (MlpBlock part : parts) {
            inputs.addAll(part.inputSpace);
            outputs.addAll(part.outputSpace);
            for (BasisDirection h : part.hidden) {
                boolean shared = !neurons.add(h);
                if (!shared || tracrSumsSharedNeurons) {
                    for (BasisDirection in : part.inputSpace) first.add(in, h, part.first.get(in, h));
                } else if (!sameColumn(first, part.first, h, part.inputSpace)) {
                    throw new IllegalStateException("neuron " + h + " is shared by MLPs that feed it differently");
                }
            }
            second.addAll(part.second, 1);
        }
        return new MlpBlock(new ArrayList<>(inputs), new ArrayList<>(neurons), first, second, new ArrayList<>(outputs));
    }

    private static boolean sameColumn(Linear combined, Linear part, BasisDirection h, List<BasisDirection> inputs) {
        for (BasisDirection in : inputs) {
            if (Math.abs(combined.get(in, h) - part.get(in, h)) > 1e-12) return false;
        }
        return true;
    }
}
