package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.graph.ProgramGraph;
import java.util.Map;

/** The original compiler's value sets, faults included (see {@link ValueRules}). */
final class TracrValueSets {
    private TracrValueSets() {}

    static Bases infer(ProgramGraph graph, CompileOptions options) {
        return new Bases(graph, ValueRules.infer(graph, options.vocab(), options.maxSeqLen(), true), false, 0,
                Map.of(), Map.of());
    }
}
