package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.SOp;
import java.util.IdentityHashMap;

/**
 * Exact value sets: the program is run on every input over the vocabulary of length 1 to maxSeqLen, and
 * each S-Op's value set is exactly the values it took (None recorded as nullability). Inputs on which the
 * program raises have no RASP value, so they contribute nothing (and if it raises on all of them, the rules
 * take over).
 */
final class ExhaustiveValueSets {
    private ExhaustiveValueSets() {}

    static Bases infer(ProgramGraph graph, CompileOptions options) {
        ProgramRuns runs = new ProgramRuns(graph, true);
        runs.runAll(options.vocab(), options.maxSeqLen());
        if (runs.inputsRun == 0) return RuleValueSets.infer(graph, options); // it raises on every input: nothing to learn
        IdentityHashMap<SOp, ValueSet> sets = new IdentityHashMap<>();
        for (SOp s : graph.sops()) sets.put(s, ValueSet.of(runs.values.get(s).values(), runs.nullable.get(s)));
        return new Bases(graph, sets, true, runs.inputsRun, runs.mixed, runs.later);
    }
}
