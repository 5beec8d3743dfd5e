package dev.glassbox.compiler;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.linearSequenceMap;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.sequenceMap;
import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.bases.BasisInference;
import dev.glassbox.compiler.craft.AttentionHead;
import dev.glassbox.compiler.craft.CraftBuilder;
import dev.glassbox.compiler.craft.CraftProgram;
import dev.glassbox.compiler.craft.NodeCraft;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.CompiledModelRunner;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.SelectPredicate;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The original compiler's known faults, one test each: the default mode is right, and where
 * {@code --compat tracr} reproduces the fault, the test shows that too.
 */
class KnownFaultsTest {

    // ------------------------------------------------------------------ SelectorWidth exactness

    /** Categorical SelectorWidth at mlp_exactness 100: the original is wrong from width 10. */
    @Test
    void selectorWidthIsExactUpToLength64() {
        SOp length = TracrLib.makeLength();
        CompiledModel ours = Programs.ours(length, List.of("a"), 64);
        Programs.assertVerifies(ours, length, 64);

        CompiledModel compat = Programs.compat(TracrLib.makeLength(), List.of("a"), 64);
        assertEquals(10, firstWrongWidth(compat), "the original goes wrong from width 10");
    }

    /** Numerical SelectorWidth: the original is wrong from width 7. */
    @Test
    void numericalSelectorWidthIsExactUpToLength64() {
        SOp length = TracrLib.makeLength().numerical();
        Programs.assertVerifies(Programs.ours(length, List.of("a"), 64), length, 64);
        assertEquals(7, firstWrongWidth(Programs.compat(TracrLib.makeLength().numerical(), List.of("a"), 64)));
    }

    /** Without exhaustive value sets (three tokens, length 64: too many inputs) the rules are exact too. */
    @Test
    void selectorWidthIsExactWithRuleBasedValueSets() {
        SOp hist = TracrLib.makeHist();
        CompiledModel ours = Programs.ours(hist, List.of("a", "b", "c"), 64);
        VerificationResult r = Verifier.verify(ours, hist, 64, 300, 7);
        assertFalse(r.exhaustive());
        assertTrue(r.passed(), "first " + r.firstCounterexample());
    }

    private static int firstWrongWidth(CompiledModel model) {
        CompiledModelRunner runner = new CompiledModelRunner(model);
        for (int n = 1; n <= model.input().maxSeqLen(); n++) {
            Object last = runner.run(Collections.nCopies(n, "a")).getLast();
            if (!Verifier.agrees(n, last, model.output().numerical())) return n;
        }
        return -1;
    }

    // ------------------------------------------------------------------ negative numerical Maps

    /** A categorical → numerical Map with negative values: the original's ReLU clips them to 0. */
    @Test
    void numericalMapKeepsNegativeValues() {
        SOp minusThree = numerical(tokens().map(x -> Values.subtract(x, 3)));
        List<Object> vocab = List.of(1, 2, 3, 4, 5);
        CompiledModel ours = Programs.ours(minusThree, vocab, 3);
        Programs.assertVerifies(ours, minusThree, 3);
        assertEquals(-2.0, (Double) Programs.run(ours, List.of(1)).getFirst(), 1e-6);

        CompiledModel compat = Programs.compat(numerical(tokens().map(x -> Values.subtract(x, 3))), vocab, 3);
        assertEquals(0.0, (Double) Programs.run(compat, List.of(1)).getFirst(), 1e-6, "the original clips -2 to 0");
        assertEquals(2.0, (Double) Programs.run(compat, List.of(5)).getFirst(), 1e-6);
    }

    // ------------------------------------------------------------------ value sets of numerical means

    /** frac_prevs takes 2/3, which the original's value set misses, so a Map on it reads the wrong value. */
    @Test
    void numericalMeanValueSetsAreComplete() {
        SOp program = overTwoThirds();
        Programs.assertVerifies(Programs.ours(program, List.of("a", "b"), 5), program, 5);

        CompiledModel compat = Programs.compat(overTwoThirds(), List.of("a", "b"), 5);
        List<Object> input = List.of("a", "b", "a"); // frac_prevs at position 2 is 2/3
        assertEquals(List.of(true, false, true), Evaluator.standard().evaluate(overTwoThirds(), input));
        assertEquals(false, Programs.run(compat, input).get(2), "the original reads 2/3 as 1/2");

        // the value sets themselves
        assertFalse(hasTwoThirds(CompileOptions.Mode.TRACR_COMPAT));
        assertTrue(hasTwoThirds(CompileOptions.Mode.DEFAULT));
    }

    private static SOp overTwoThirds() {
        SOp frac = TracrLib.makeFracPrevs(tokens().eq("a"));
        return frac.map(x -> Values.toDouble(x) > 0.6).named("over_0.6");
    }

    private static boolean hasTwoThirds(CompileOptions.Mode mode) {
        SOp frac = TracrLib.makeFracPrevs(tokens().eq("a"));
        Bases bases = BasisInference.infer(ProgramGraph.extract(frac), CompileOptions.of(List.of("a", "b"), 5).withMode(mode));
        return bases.valueSet(frac).contains(2.0 / 3);
    }

    // ------------------------------------------------------------------ None

    /** A categorical Aggregate that selects nothing is None: the original decodes it as some token. */
    @Test
    void noneDecodesToNoValue() {
        SOp shift = TracrLib.shiftBy(1, tokens());
        CompiledModel ours = Programs.ours(shift, List.of("a", "b", "c"), 5);
        assertEquals(java.util.Arrays.asList(null, "b", "b"), Programs.run(ours, List.of("b", "b", "c")));
        assertNull(Programs.run(ours, List.of("c", "a")).getFirst());
        assertEquals("c", Programs.run(ours, List.of("c", "a")).get(1));
        Programs.assertVerifies(ours, shift, 5); // None compared strictly

        CompiledModel compat = Programs.compat(TracrLib.shiftBy(1, tokens()), List.of("a", "b", "c"), 5);
        assertNotNull(Programs.run(compat, List.of("c", "a")).getFirst(), "the original decodes None as a token");
        assertEquals("a", Programs.run(compat, List.of("c", "a")).getFirst());
    }

    // ------------------------------------------------------------------ causal compilation

    /** reverse reads later positions: the original compiles it causally and silently computes something else. */
    @Test
    void causalCompilationRefusesProgramsThatReadLaterPositions() {
        CompileOptions causal = CompileOptions.of(List.of("a", "b", "c"), 5).withCausal(true);
        CompileException e = assertThrows(CompileException.class,
                () -> RaspCompiler.compile(TracrLib.makeReverse(tokens()), causal));
        assertTrue(e.getMessage().contains("'reverse_selector' (Select): it reads later positions"), e.getMessage());
        assertTrue(e.getMessage().contains("'all_true_selector' (Select)"), e.getMessage());
        assertTrue(e.getMessage().contains("compile without --causal"), e.getMessage());

        CompiledModel compat = RaspCompiler.compile(TracrLib.makeReverse(tokens()),
                causal.withMode(CompileOptions.Mode.TRACR_COMPAT));
        List<Object> input = List.of("a", "b", "c");
        assertEquals(List.of("c", "b", "a"), Evaluator.standard().evaluate(TracrLib.makeReverse(tokens()), input));
        assertNotEquals(List.of("c", "b", "a"), Programs.run(compat, input), "the original's causal reverse is not reverse");
    }

    // ------------------------------------------------------------------ key size

    /** shift_by over 10 tokens at max_seq_len 3: values are wider than keys, and the original crashes. */
    @Test
    void headWidthCoversTheValues() {
        List<Object> vocab = new ArrayList<>();
        for (char c = 'a'; c < 'a' + 10; c++) vocab.add(String.valueOf(c));
        for (CompileOptions.Mode mode : CompileOptions.Mode.values()) {
            SOp shift = TracrLib.shiftBy(1, tokens());
            CompileOptions options = CompileOptions.of(vocab, 3).withMode(mode);
            CompiledModel model = RaspCompiler.compile(shift, options);
            assertTrue(model.config().dHead() >= 10, mode + ": head width " + model.config().dHead());
            Programs.assertVerifies(model, shift, 3);
        }
        // the original's key size, max over W_QK's shape, is 5 here, while W_OV writes 10 values
        CompileOptions compat = CompileOptions.of(vocab, 3).withMode(CompileOptions.Mode.TRACR_COMPAT);
        SOp shift = TracrLib.shiftBy(1, tokens());
        CraftProgram craft = CraftBuilder.build(BasisInference.infer(ProgramGraph.extract(shift), compat), compat);
        AttentionHead head = ((NodeCraft.Attention) craft.craft(shift)).head();
        assertEquals(5, Math.max(head.qkShape()[0], head.qkShape()[1]));
        assertEquals(10, head.ovShape()[1]);
    }

    // ------------------------------------------------------------------ the shared clean-BOS neuron

    /**
     * Two SelectorWidths in one layer share the clean-BOS neuron; the original feeds it twice, leaves BOS
     * holding -1 in {@code hist:0}, and a later head keyed on hist then prefers the real positions over BOS.
     */
    @Test
    void sharedCleanBosNeuronCleansBosOnce() {
        List<Object> vocab = List.of("a", "b", "c");
        for (int limit : new int[] {CompileOptions.DEFAULT_ENUMERATION_LIMIT, 0}) { // exact and rule-based value sets
            SOp program = twoWidthsThenHeadKeyedOnOne();
            CompiledModel ours = RaspCompiler.compile(program, CompileOptions.of(vocab, 5).withEnumerationLimit(limit));
            assertEquals(List.of(2, 1), ours.report().headsPerLayer(), "both widths in layer 0, the head keyed on hist in layer 1");
            Programs.assertVerifies(ours, program, 5);
        }
        CompiledModel compat = Programs.compat(twoWidthsThenHeadKeyedOnOne(), vocab, 5);
        List<Object> out = Programs.run(compat, List.of("a", "b"));
        assertEquals(List.of(0, 0), Evaluator.standard().evaluate(twoWidthsThenHeadKeyedOnOne(), List.of("a", "b")));
        assertEquals(1.0, (Double) out.getFirst(), 1e-3, "the original averages the real positions instead of reading BOS");
    }

    /** hist and length (one layer), then the mean of 1 over the keys whose hist is 0: none, so 0. */
    private static SOp twoWidthsThenHeadKeyedOnOne() {
        SOp hist = TracrLib.makeHist();
        SOp length = TracrLib.makeLength();
        SOp ones = numerical(tokens().map(x -> 1)).named("ones");
        return numerical(aggregate(select(hist, length, SelectPredicate.of("k == 0", (k, q) -> Values.equal(k, 0))),
                ones, 0)).named("mean_where_hist_is_0");
    }

    // ------------------------------------------------------------------ validation by identity

    /**
     * Two expressions named "x", the valid one read first: the original's validator marks the name visited
     * and never checks the other. Ours checks both (and the graph keeps both).
     */
    @Test
    void validatorTracksExpressionsByIdentity() {
        SOp invalid = numerical(new SequenceMap(ValueFunction2.of("x + i", Values::add), tokens(), indices())).named("x");
        SOp valid = numerical(linearSequenceMap(invalid, invalid, 1, 0)).named("x");
        for (CompileOptions.Mode mode : CompileOptions.Mode.values()) {
            CompileException e = assertThrows(CompileException.class,
                    () -> RaspCompiler.compile(valid, CompileOptions.of(List.of(1, 2), 3).withMode(mode)));
            assertTrue(e.getMessage().contains("'x_2' (SequenceMap)"), e.getMessage());
            assertEquals(1, e.problems().size());
        }
        // and two same-named Maps compile to two groups of directions
        SOp first = tokens().map(x -> Values.add(x, 1)).named("y");
        SOp second = tokens().map(x -> Values.multiply(x, 10)).named("y");
        SOp both = sequenceMap(ValueFunction2.of("x + y", Values::add), first, second);
        CompiledModel model = Programs.compat(both, List.of(1, 2), 2);
        assertTrue(model.residualLabels().contains("y_1:2") && model.residualLabels().contains("y_2:10"),
                model.residualLabels().toString());
        Programs.assertVerifies(model, both, 2);
    }

    // ------------------------------------------------------------------ categorical means

    /** A categorical Aggregate selecting several different values: the original compiles it silently. */
    @Test
    void categoricalMeanIsACompileError() {
        SOp mean = aggregate(select(tokens(), tokens(), Comparison.TRUE), tokens()).named("mean");
        List<Object> vocab = List.of(1, 2, 3);
        CompileException e = assertThrows(CompileException.class, () -> Programs.ours(mean, vocab, 3));
        assertTrue(e.getMessage().startsWith("cannot compile 'mean' (Aggregate): this categorical Aggregate would "
                + "average several different values: on input [1, 2] position 0 selects [1, 2]"), e.getMessage());
        // also when the inputs are too many to run them all (a sample finds it)
        assertThrows(CompileException.class,
                () -> RaspCompiler.compile(mean, CompileOptions.of(vocab, 3).withEnumerationLimit(5)));

        CompiledModel compat = Programs.compat(mean, vocab, 3);
        VerificationResult r = Programs.verify(compat, mean, 3);
        assertFalse(r.passed(), "the original's model is silently wrong");
        assertEquals(List.of(1.5, 1.5), r.firstCounterexample().expected());
    }

    // ------------------------------------------------------------------ BOS left dirty by numerical MLPs

    /**
     * Found while writing this compiler: the original's MLPs for numerical → categorical Maps write their
     * value for x = 0 at BOS too. A later head keyed on that Map then gives BOS an extra score, BOS
     * outranks the selected keys, and the head returns its default. Default-mode MLPs write nothing at BOS.
     */
    @Test
    void numericalMapsLeaveBosClean() {
        List<Object> vocab = List.of("a", "b");
        Programs.assertVerifies(Programs.ours(sameSideOfHalf(), vocab, 4), sameSideOfHalf(), 4);

        CompiledModel compat = Programs.compat(sameSideOfHalf(), vocab, 4);
        List<Object> input = List.of("b", "b");
        assertEquals(List.of(1.0, 1.0), Evaluator.standard().evaluate(sameSideOfHalf(), input));
        assertEquals(0.0, (Double) Programs.run(compat, input).getFirst(), 1e-3, "the original's BOS outranks the keys");
    }

    /** The mean of 1 over the positions whose frac_prevs is on the same side of 1/2: at least itself, so 1. */
    private static SOp sameSideOfHalf() {
        SOp frac = TracrLib.makeFracPrevs(tokens().eq("a"));
        SOp high = frac.map(x -> Values.toDouble(x) > 0.5).named("high");
        SOp ones = numerical(tokens().map(x -> 1)).named("ones");
        return numerical(aggregate(select(high, high, Comparison.EQ), ones, 0)).named("same_side");
    }
}
