package dev.glassbox.compiler.verify;

import java.util.List;

/**
 * What {@link Verifier} found.
 *
 * @param inputs how many inputs were run
 * @param exhaustive whether those were all inputs up to the length (otherwise a seeded sample)
 * @param positionsChecked positions whose output was compared with RASP's
 * @param mismatches positions where the model's output differs from RASP's
 * @param dontCare positions not compared: where RASP gives None in the compat mode (the original decodes
 *     None arbitrarily), and every position of an input on which the RASP program itself raises
 * @param firstCounterexample the first input with a mismatch, or null
 */
public record VerificationResult(long inputs, boolean exhaustive, long positionsChecked, long mismatches, long dontCare,
        Counterexample firstCounterexample) {

    /** An input, RASP's output on it, the model's output, and the first position where they differ. */
    public record Counterexample(List<Object> input, List<Object> expected, List<Object> actual, int position) {
        public Counterexample {
            input = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(input));
            expected = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(expected));
            actual = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(actual));
        }
    }

    public boolean passed() {
        return mismatches == 0;
    }
}
