package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.graph.ProgramGraph;

/**
 * Value sets by corrected rules (see {@link ValueRules}), for programs with too many inputs to run them
 * all; the validator's evidence then comes from a seeded sample of inputs.
 */
final class RuleValueSets {
    private RuleValueSets() {}

    /** How many sampled inputs look for categorical means and later keys. */
    static final int SAMPLE = 2_000;
    static final long SEED = 0x5eed;

    static Bases infer(ProgramGraph graph, CompileOptions options) {
        ProgramRuns runs = new ProgramRuns(graph, false);
        runs.runSample(options.vocab(), options.maxSeqLen(), Math.min(SAMPLE, Math.max(1, options.enumerationLimit())), SEED);
        return new Bases(graph, ValueRules.infer(graph, options.vocab(), options.maxSeqLen(), false), false,
                runs.inputsRun, runs.mixed, runs.later);
    }
}
