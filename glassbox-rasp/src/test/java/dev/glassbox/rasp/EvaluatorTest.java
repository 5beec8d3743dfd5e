package dev.glassbox.rasp;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.full;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.selectorWidth;
import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.rasp.lib.TracrLib;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void mapOfMapIsFusedIntoOneMap() {
        Map inner = tokens().map(ValueFunction.of("x + 1", x -> Values.add(x, 1)));
        Map outer = inner.map(ValueFunction.of("x * 10", x -> Values.multiply(x, 10)));
        assertSame(tokens(), outer.inner());
        assertEquals(List.of(20, 30), Evaluator.standard().evaluate(outer, List.of(1, 2)));
        Map unfused = new Map(ValueFunction.of("x * 10", x -> Values.multiply(x, 10)), inner, false);
        assertSame(inner, unfused.inner());
    }

    @Test
    void everyComparisonFollowsItsTruthTable() {
        List<Object> xs = List.of(1, 2, 3);
        for (Comparison c : Comparison.values()) {
            boolean[][] m = Evaluator.standard().evaluate(select(tokens(), tokens(), c), xs);
            for (int q = 0; q < 3; q++) {
                for (int k = 0; k < 3; k++) {
                    int key = k + 1, query = q + 1;
                    boolean expected = switch (c) {
                        case EQ -> key == query;
                        case LT -> key < query;
                        case LEQ -> key <= query;
                        case GT -> key > query;
                        case GEQ -> key >= query;
                        case NEQ -> key != query;
                        case TRUE -> true;
                        case FALSE -> false;
                    };
                    assertEquals(expected, m[q][k], c + " key " + key + " query " + query);
                }
            }
        }
    }

    @Test
    void selectorsOnTheSameInputsFoldIntoOneSelect() {
        Select lt = select(indices(), indices(), Comparison.LT);
        Select gt = select(indices(), indices(), Comparison.GT);
        Selector or = lt.or(gt);
        assertInstanceOf(Select.class, or);
        boolean[][] m = Evaluator.standard().evaluate(or, List.of("x", "y", "z"));
        for (int q = 0; q < 3; q++) for (int k = 0; k < 3; k++) assertEquals(q != k, m[q][k]);

        Selector and = select(tokens(), tokens(), Comparison.EQ).and(select(indices(), indices(), Comparison.LEQ));
        assertInstanceOf(SelectorAnd.class, and);
        Selector not = select(indices(), indices(), Comparison.EQ).not();
        assertInstanceOf(Select.class, not);
        Selector notAnd = and.not();
        assertInstanceOf(SelectorNot.class, notAnd);
        boolean[][] n = Evaluator.standard().evaluate(notAnd, List.of("a", "b", "a"));
        assertArrayEquals(new boolean[] {true, false, true}, n[1]);
        assertArrayEquals(new boolean[] {false, true, false}, n[2]);
    }

    @Test
    void fullInASelectIsFoldedIntoThePredicate() {
        Select a = select(full(1), indices(), Comparison.LEQ); // 1 <= q
        Select b = select(indices(), indices(), Comparison.LEQ); // k <= q
        Selector folded = a.and(b);
        assertInstanceOf(Select.class, folded);
        assertSame(indices(), ((Select) folded).keys());
        boolean[][] m = Evaluator.standard().evaluate(folded, List.of(0, 0, 0));
        assertArrayEquals(new boolean[] {false, false, false}, m[0]);
        assertArrayEquals(new boolean[] {true, true, false}, m[1]);
    }

    @Test
    void aggregateFollowsTracrsMean() {
        Select all = select(indices(), indices(), Comparison.TRUE);
        Select prevs = select(indices(), indices(), Comparison.LEQ);
        SOp bools = tokens().eq("a").numerical();
        assertEquals(Arrays.asList(true, 0.5, 1 / 3.0),
                Evaluator.standard().evaluate(aggregate(prevs, bools).numerical(), List.of("a", "b", "b")));
        assertEquals(Arrays.asList(2.0, 2.0, 2.0), Evaluator.standard().evaluate(aggregate(all, tokens()), List.of(1, 2, 3)));
        Select none = select(indices(), indices(), Comparison.FALSE);
        assertEquals(Arrays.asList(7, 7), Evaluator.standard().evaluate(aggregate(none, tokens(), 7), List.of(1, 2)));
        RaspEvaluationException e = assertThrows(RaspEvaluationException.class,
                () -> Evaluator.standard().evaluate(aggregate(all, tokens()), List.of("a", "b")));
        assertTrue(e.getMessage().contains("only numbers can be averaged"), e.getMessage());
    }

    @Test
    void noneFlowsThroughMapsAndSequenceMaps() {
        SOp shifted = TracrLib.shiftBy(1, tokens());
        SOp mapped = shifted.eq("a");
        SOp both = mapped.and(tokens().eq("b"));
        assertEquals(Arrays.asList(null, true), Evaluator.standard().evaluate(mapped, List.of("a", "b")));
        assertEquals(Arrays.asList(null, true), Evaluator.standard().evaluate(both, List.of("a", "b")));
    }

    @Test
    void causalEvaluationMasksLaterKeys() {
        SOp length = TracrLib.makeLength();
        assertEquals(List.of(3, 3, 3), Evaluator.standard().evaluate(length, List.of("a", "b", "c")));
        assertEquals(List.of(1, 2, 3), Evaluator.causal().evaluate(length, List.of("a", "b", "c")));
        SOp reverse = TracrLib.makeReverse(tokens());
        assertEquals(List.of("c", "b", "a"), Evaluator.standard().evaluate(reverse, List.of("a", "b", "c")));
    }

    @Test
    void selectorWidthCountsSelectedKeys() {
        SOp hist = selectorWidth(select(tokens(), tokens(), Comparison.EQ));
        assertEquals(List.of(2, 1, 2, 1), Evaluator.standard().evaluate(hist, List.of("a", "b", "a", "c")));
    }

    @Test
    void errorsNameTheExpressionAndInput() {
        SOp bad = tokens().map(ValueFunction.of("x / 0", x -> Values.divide(x, 0))).named("divide_by_zero");
        RaspEvaluationException e = assertThrows(RaspEvaluationException.class,
                () -> Evaluator.standard().evaluate(bad, List.of(1, 2)));
        assertTrue(e.getMessage().contains("divide_by_zero") && e.getMessage().contains("[1 2]"), e.getMessage());
    }

    @Test
    void labelsAreUniqueAndDeterministic() {
        SOp reverse = TracrLib.makeReverse(tokens());
        Labels labels = Labels.forProgram(reverse);
        assertEquals("reverse", labels.labelOf(reverse));
        assertEquals(List.of("reverse", "reverse_selector", "tokens", "indices", "opp_idx-1", "opp_idx", "length",
                "all_true_selector"), List.copyOf(labels.byLabel().keySet()));
        SOp twoMaps = tokens().eq("a").and(tokens().eq("b"));
        assertEquals(List.of("sequence_map_1", "map_1", "map_2", "tokens"),
                List.copyOf(Labels.forProgram(twoMaps).byLabel().keySet()));
    }
}
