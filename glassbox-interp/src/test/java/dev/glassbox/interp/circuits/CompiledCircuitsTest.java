package dev.glassbox.interp.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.interp.CompiledPrograms;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * QK/OV circuits of compiled programs against what their RASP programs say ({@link SelectorTruth}): the
 * rank of each head's W_QK and W_OV, and the low-rank experiment: at k = rank nothing changes, one
 * dimension fewer changes the head's output, except where the program never uses the BOS relation.
 */
class CompiledCircuitsTest {
    static final List<String> PROGRAMS = List.of("shift_by", "length", "length_numerical", "reverse", "hist", "sort_unique",
            "frac_prevs", "count", "sort", "count_less_freq", "pair_balance", "detect_pattern");
    static final int MAX_PROMPTS = 150;

    /** One used head with the program node it computes. */
    record Head(String program, int layer, int head, SelectorTruth.Node node, HeadSpectrum spectrum) {}

    /**
     * Heads of each layer paired with the layer's nodes, both sorted by W_QK rank (the two layers with two
     * heads, pair_balance's and detect_pattern's, hold nodes of equal rank or of different ranks).
     */
    static List<Head> heads(String name) {
        LibraryProgram p = Library.get(name);
        CompiledInterpModel m = CompiledPrograms.get(name);
        CompileReport report = m.compiled().report();
        List<Head> out = new ArrayList<>();
        List<SelectorTruth.Node> nodes = SelectorTruth.nodes(p.build());
        for (int l = 0; l < report.numLayers(); l++) {
            int layer = l;
            List<SelectorTruth.Node> here = new ArrayList<>(nodes.stream().filter(n -> SelectorTruth.layer(report, n.name()) == layer).toList());
            here.sort(Comparator.comparingInt(n -> truth(p, n)));
            List<HeadSpectrum> spectra = new ArrayList<>();
            for (int h = 0; h < report.headsPerLayer().get(l); h++) spectra.add(Spectra.of(m.transformer(), l, h));
            spectra.sort(Comparator.comparingInt(HeadSpectrum::qkRank));
            assertEquals(here.size(), spectra.size(), name + " layer " + l);
            for (int i = 0; i < here.size(); i++) out.add(new Head(name, l, spectra.get(i).head(), here.get(i), spectra.get(i)));
        }
        return out;
    }

    static int truth(LibraryProgram p, SelectorTruth.Node n) {
        return SelectorTruth.qkRank(n.select(), p.vocab(), p.maxSeqLen(), p.causalSafe());
    }

    @Test
    void exactRanksOfSmallTables() {
        java.math.BigInteger one = java.math.BigInteger.ONE, zero = java.math.BigInteger.ZERO;
        assertEquals(3, SelectorTruth.rank(new java.math.BigInteger[][] {{one, zero, zero}, {one, one, zero}, {one, one, one}}));
        assertEquals(1, SelectorTruth.rank(new java.math.BigInteger[][] {{one, one}, {one, one}, {one, one}}));
        assertEquals(2, SelectorTruth.rank(new java.math.BigInteger[][] {{zero, one, zero}, {zero, zero, one}, {zero, zero, zero}}));
    }

    /** rank W_QK = rank of the selector's truth table + 1 (BOS); rank W_OV = the values moved. Zeros beyond. */
    @Test
    void ranksAreTheNumberOfRelationsEncoded() {
        for (String name : PROGRAMS) {
            LibraryProgram p = Library.get(name);
            for (Head h : heads(name)) {
                String what = name + " " + h.spectrum().name() + " (" + h.node().name() + ")";
                assertEquals(truth(p, h.node()), h.spectrum().qkRank(), what + " W_QK");
                assertEquals(SelectorTruth.ovRank(h.node(), p.vocab(), p.maxSeqLen(), p.causalSafe()), h.spectrum().ovRank(), what + " W_OV");
                double[] qk = h.spectrum().qk();
                for (int i = h.spectrum().qkRank(); i < qk.length; i++) assertEquals(0, qk[i], 1e-9 * qk[0], what);
            }
        }
    }

    /**
     * At k = rank the logits and the head's output are unchanged (to float rounding). One singular direction
     * fewer changes the head's output on some input; for W_QK of an Aggregate whose selector selects a key
     * for every query of every input, the BOS relation (the smallest singular value, c/2) is never used, so
     * the head changes only at rank - 2.
     */
    @Test
    void projectingOntoTheTopRankSubspaceChangesNothingAndOneLessChangesTheHead() {
        for (String name : PROGRAMS) {
            LibraryProgram p = Library.get(name);
            CompiledInterpModel m = CompiledPrograms.get(name);
            Compression compression = new Compression(m.transformer(), prompts(m, p), 1);
            for (Head h : heads(name)) {
                boolean bosUnused = !h.node().selectorWidth()
                        && SelectorTruth.alwaysSelects(h.node().select(), p.vocab(), p.maxSeqLen(), p.causalSafe());
                for (Subspace s : Subspace.values()) {
                    int r = s == Subspace.VALUE ? h.spectrum().ovRank() : h.spectrum().qkRank();
                    int used = s != Subspace.VALUE && bosUnused ? r - 1 : r;
                    CompressionCurve c = compression.curve(h.layer(), h.head(), s, new int[] {r, used, used - 1});
                    String what = name + " " + c.name() + " " + s.label() + " r=" + r + " used=" + used + " " + c.points();
                    assertTrue(c.points().get(0).change().maxLogitChange() < 1e-4, what);
                    assertTrue(c.points().get(0).headChange() < 1e-4, what);
                    assertTrue(c.points().get(1).headChange() < 1e-4, what);
                    assertTrue(c.points().get(2).headChange() > 0.05, what);
                }
            }
        }
    }

    /** Every input up to the program's length, thinned evenly to at most MAX_PROMPTS. */
    static List<int[]> prompts(CompiledInterpModel m, LibraryProgram p) {
        List<List<Object>> all = SelectorTruth.inputs(p.vocab(), p.maxSeqLen());
        List<int[]> out = new ArrayList<>();
        double step = Math.max(1, all.size() / (double) MAX_PROMPTS);
        for (double i = 0; i < all.size(); i += step) out.add(m.prompt("", all.get((int) i)).tokens());
        return out;
    }
}
