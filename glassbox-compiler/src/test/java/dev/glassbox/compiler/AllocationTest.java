package dev.glassbox.compiler;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.sequenceMap;
import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layer allocation: the default mode never leaves a sublayer unused where the schedule allows it. */
class AllocationTest {

    /**
     * An MLP feeding an MLP (reverse's opp_idx then opp_idx-1): the original spends two MLP sublayers and
     * the attention sublayer between them; the default mode reads the second, a Map, through a view.
     */
    @Test
    void mlpFeedingAnMlpTakesNoExtraLayer() {
        CompiledModel compat = Programs.compat(TracrLib.makeReverse(tokens()), List.of("a", "b", "c"), 5);
        assertEquals(3, sublayer(compat, "opp_idx"));
        assertEquals(5, sublayer(compat, "opp_idx-1"));
        assertEquals(6, sublayer(compat, "reverse"));

        CompiledModel ours = Programs.ours(TracrLib.makeReverse(tokens()), List.of("a", "b", "c"), 5);
        assertEquals(3, sublayer(ours, "opp_idx"));
        assertEquals(-1, sublayer(ours, "opp_idx-1"), "a view: no block, no sublayer");
        assertEquals(4, sublayer(ours, "reverse"));
        assertEquals(3, ours.config().nLayers());
    }

    /**
     * A head and an MLP share depth 1, so the original cannot merge depths 1 and 2, and an MLP reading only
     * the head waits a whole layer. As soon as possible, it goes right after the head.
     */
    @Test
    void mlpAfterAHeadGoesInTheSameLayer() {
        SOp mixed = sequenceMap(ValueFunction2.of("x + i", Values::add), tokens(), indices()).named("mixed"); // an MLP, depth 1
        SOp mean = numerical(aggregate(select(indices(), indices(), Comparison.LEQ),
                numerical(tokens().map(x -> Values.equal(x, 1) ? 1 : 0)).named("is_one"), 0)).named("mean"); // depth 2 in the original
        SOp high = mean.map(x -> Values.toDouble(x) > 0.5).named("high"); // an MLP reading the head
        SOp program = sequenceMap(ValueFunction2.of("(x, y)", (x, y) -> List.of(x, y)), mixed, high).named("pair");
        List<Object> vocab = List.of(1, 2);

        CompiledModel compat = Programs.compat(program, vocab, 3);
        assertEquals(2, sublayer(compat, "mean"));
        assertEquals(3, sublayer(compat, "high"));
        assertEquals(5, sublayer(compat, "pair"));
        assertEquals(3, compat.config().nLayers());

        CompiledModel ours = Programs.ours(program, vocab, 3);
        assertEquals(1, sublayer(ours, "mixed"));
        assertEquals(0, sublayer(ours, "mean"));
        assertEquals(1, sublayer(ours, "high"));
        assertEquals(3, sublayer(ours, "pair"));
        assertEquals(2, ours.config().nLayers());
        Programs.assertVerifies(ours, program, 3);
    }

    private static int sublayer(CompiledModel model, String label) {
        for (CompileReport.Placement p : model.report().placements()) if (p.label().equals(label)) return p.sublayer();
        throw new AssertionError("no placement for " + label + ": " + model.report().placements());
    }
}
