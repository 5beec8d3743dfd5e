package dev.glassbox.interp.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.CompiledPrograms;
import dev.glassbox.interp.circuits.SelectorTruth;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attention patterns and head detectors on compiled programs, whose every head's pattern is known from its
 * RASP selector ({@link TruthPattern}). Each program's heads are found by name in the compile report.
 */
class AttentionGroundTruthTest {
    /** Compiled for 6 tokens, so that a repeated sequence of 3 fits. */
    static final CompiledInterpModel SHIFT = KnownHeads.compile("shift_by", TracrLib.shiftBy(1, dev.glassbox.rasp.Rasp.tokens())
            .named("shift"), 6, true);
    static final CompiledInterpModel SELF = KnownHeads.compile("self", KnownHeads.self(), 6, false);
    static final CompiledInterpModel BOS = KnownHeads.compile("bos", KnownHeads.firstToken(), 6, false);
    static final CompiledInterpModel INDUCTION = KnownHeads.compile("induction", KnownHeads.induction(), 6, false);

    record Case(CompiledInterpModel model, SOp program, boolean causal) {}

    static List<Case> cases() {
        return List.of(new Case(SHIFT, null, true), new Case(SELF, null, false), new Case(BOS, null, false),
                new Case(INDUCTION, null, false),
                new Case(CompiledPrograms.get("length"), Library.get("length").build(), false),
                new Case(CompiledPrograms.get("hist"), Library.get("hist").build(), false),
                new Case(CompiledPrograms.get("reverse"), Library.get("reverse").build(), false));
    }

    /** The program a case's model was compiled from (the same expressions: names are kept in the report). */
    static SOp program(Case c) {
        if (c.program() != null) return c.program();
        return switch (c.model().name()) {
            case "shift_by" -> TracrLib.shiftBy(1, dev.glassbox.rasp.Rasp.tokens()).named("shift");
            case "self" -> KnownHeads.self();
            case "bos" -> KnownHeads.firstToken();
            default -> KnownHeads.induction();
        };
    }

    /** Every input of length 1..4 over a, b, c (120 inputs), and every used head's pattern, to 1e-6. */
    @Test
    void everyHeadsPatternIsItsSelectorsTruth() {
        for (Case c : cases()) {
            var report = c.model().compiled().report();
            for (SelectorTruth.Node node : SelectorTruth.nodes(program(c))) {
                int layer = SelectorTruth.layer(report, node.name());
                assertEquals(1, report.headsPerLayer().get(layer), "one head in layer " + layer + " of " + c.model().name());
                for (List<Object> input : SelectorTruth.inputs(KnownHeads.ABC, 4)) {
                    Prompt prompt = c.model().prompt(String.join(" ", input.stream().map(String::valueOf).toList()), input);
                    AttentionPatterns patterns = AttentionPatterns.of(c.model().transformer(), prompt.tokens());
                    double[][] truth = TruthPattern.of(node.select(), node.selectorWidth(), input, c.causal());
                    for (int q = 0; q < truth.length; q++) {
                        for (int k = 0; k < truth.length; k++) {
                            assertEquals(truth[q][k], patterns.weight(layer, 0, q, k), 1e-6,
                                    c.model().name() + " " + node.name() + " on " + input + " query " + q + " key " + k);
                        }
                    }
                }
            }
        }
    }

    /** On [BOS] r r with r a permutation of a b c, each kind of head scores 1 on its detector and ~0 on the others. */
    @Test
    void detectorsRecoverTheKindOfEachHead() {
        Map<CompiledInterpModel, double[]> expected = Map.of(
                // previous, induction, first, self
                SHIFT, new double[] {1, 0, 1 / 6.0, 0},
                SELF, new double[] {0, 0, 0, 1},
                BOS, new double[] {1 / 6.0, 0, 1, 0});
        for (var e : expected.entrySet()) {
            double[] scores = scores(e.getKey(), 0, 0);
            assertArrayEquals(e.getValue(), scores, 1e-6, e.getKey().name());
        }
        // The induction program's two heads: its shift_by (layer 0) and the induction head (layer 2, block 1).
        assertArrayEquals(new double[] {1, 0, 1 / 6.0, 0}, scores(INDUCTION, 0, 0), 1e-6);
        assertEquals(1.0, scores(INDUCTION, 1, 0)[1], 1e-6);
        List<DetectorScores> all = HeadDetection.run(INDUCTION.transformer(), repeated(INDUCTION));
        assertArrayEquals(new int[] {1, 0}, find(all, HeadDetector.INDUCTION).best());
        assertArrayEquals(new int[] {0, 0}, find(all, HeadDetector.PREVIOUS_TOKEN).best());
    }

    /**
     * Scores from the model's patterns equal the scores of the truth patterns, for every detector and head
     * of every case, including heads of no single kind (length's head attends to everything evenly:
     * 1/(n+1) on each of the n + 1 positions).
     */
    @Test
    void scoresOfModelPatternsEqualScoresOfTruthPatterns() {
        for (Case c : cases()) {
            var report = c.model().compiled().report();
            List<AttentionPatterns> model = new ArrayList<>(), truth = new ArrayList<>();
            for (List<Object> input : List.of(List.<Object>of("a", "b", "a", "c"), List.<Object>of("c", "c", "b"), List.<Object>of("b", "a", "b", "a", "b"))) {
                int[] tokens = c.model().prompt("", input).tokens();
                model.add(AttentionPatterns.of(c.model().transformer(), tokens));
                int layers = c.model().transformer().config().nLayers();
                float[][][][] t = new float[layers][1][tokens.length][tokens.length];
                for (SelectorTruth.Node node : SelectorTruth.nodes(program(c))) {
                    double[][] p = TruthPattern.of(node.select(), node.selectorWidth(), input, c.causal());
                    int layer = SelectorTruth.layer(report, node.name());
                    for (int q = 0; q < p.length; q++) for (int k = 0; k < p.length; k++) t[layer][0][q][k] = (float) p[q][k];
                }
                truth.add(AttentionPatterns.of(tokens, t));
            }
            List<DetectorScores> fromModel = HeadDetection.score(model, c.causal()), fromTruth = HeadDetection.score(truth, c.causal());
            for (int d = 0; d < fromModel.size(); d++) {
                for (SelectorTruth.Node node : SelectorTruth.nodes(program(c))) {
                    int layer = SelectorTruth.layer(report, node.name());
                    assertEquals(fromTruth.get(d).score(layer, 0), fromModel.get(d).score(layer, 0), 1e-6,
                            c.model().name() + " " + node.name() + " " + fromModel.get(d).detector());
                }
            }
        }
        // length on "a b a c": every non-BOS query puts 1/5 on each position.
        AttentionPatterns length = AttentionPatterns.of(CompiledPrograms.get("length").transformer(),
                CompiledPrograms.get("length").prompt("a b a c").tokens());
        List<DetectorScores> s = HeadDetection.score(List.of(length), false);
        for (HeadDetector d : List.of(HeadDetector.PREVIOUS_TOKEN, HeadDetector.FIRST_TOKEN, HeadDetector.SELF)) {
            assertEquals(0.2, find(s, d).score(0, 0), 1e-6, d.toString());
            assertEquals(0.2, find(s, d).uniform(), 1e-12, "an even head scores the uniform baseline");
        }
    }

    static double[] scores(CompiledInterpModel m, int layer, int head) {
        List<DetectorScores> all = HeadDetection.run(m.transformer(), repeated(m));
        double[] out = new double[HeadDetector.values().length];
        for (DetectorScores d : all) out[d.detector().ordinal()] = d.score(layer, head);
        return out;
    }

    static List<int[]> repeated(CompiledInterpModel m) {
        return RepeatedSequences.prompts(m, 3, 4, 1).stream().map(Prompt::tokens).toList();
    }

    static DetectorScores find(List<DetectorScores> all, HeadDetector d) {
        return all.stream().filter(x -> x.detector() == d).findFirst().orElseThrow();
    }
}
