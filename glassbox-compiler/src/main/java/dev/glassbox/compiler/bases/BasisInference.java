package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.graph.ProgramGraph;

/**
 * The second stage: the values every S-Op can take, and the directions that will encode them.
 *
 * <ul>
 *   <li>Compat mode: the original's rules ({@link TracrValueSets}), faults included.
 *   <li>Default mode: when the inputs over the vocabulary up to maxSeqLen are few enough, the program is
 *       run on every one of them ({@link ExhaustiveValueSets}): the value sets are then exact, which also
 *       makes the model smaller, and the validator gets the evidence it needs. Otherwise corrected rules
 *       ({@link RuleValueSets}) give over-approximations, and a seeded sample of inputs gives the evidence.
 * </ul>
 */
public final class BasisInference {
    private BasisInference() {}

    public static Bases infer(ProgramGraph graph, CompileOptions options) {
        if (options.isCompat()) return TracrValueSets.infer(graph, options);
        long count = ProgramRuns.inputCount(options.vocab().size(), options.maxSeqLen(), options.enumerationLimit());
        if (count <= options.enumerationLimit()) return ExhaustiveValueSets.infer(graph, options);
        return RuleValueSets.infer(graph, options);
    }
}
