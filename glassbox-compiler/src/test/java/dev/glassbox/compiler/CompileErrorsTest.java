package dev.glassbox.compiler;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.full;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.selectorWidth;
import static dev.glassbox.rasp.Rasp.sequenceMap;
import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs that cannot compile get one clear message naming the expression, why, and what to do. */
class CompileErrorsTest {
    private static final List<Object> ABC = List.of("a", "b", "c");

    private static String error(SOp program, CompileOptions options) {
        CompileException e = assertThrows(CompileException.class, () -> RaspCompiler.compile(program, options));
        assertTrue(e instanceof GlassboxException);
        return e.getMessage();
    }

    @Test
    void fullOutsideASelect() {
        SOp program = sequenceMap(ValueFunction2.of("x + y", Values::add), tokens(), full("!")).named("joined");
        String message = error(program, CompileOptions.of(ABC, 3));
        assertTrue(message.startsWith("cannot compile 'full_1' (Full): Full outside a Select"), message);
        assertTrue(message.contains("tokens.map(x -> !)"), message);
    }

    @Test
    void fullInsideASelectCompiles() {
        // a Select of a constant query: every query compares 'b' with the key
        SOp program = aggregate(select(tokens(), full("b"), Comparison.LT), tokens()).named("smaller_than_b");
        Programs.assertVerifies(Programs.ours(program, List.of("a", "b"), 1), program, 1);
        String message = error(program, CompileOptions.of(List.of("a", "b"), 1).withMode(CompileOptions.Mode.TRACR_COMPAT));
        assertTrue(message.contains("'full_1' (Full): the original compiler has no block for Full"), message);
    }

    @Test
    void numericalEncodingOfANonNumber() {
        SOp program = numerical(tokens().map(x -> x)).named("as_number");
        for (CompileOptions.Mode mode : CompileOptions.Mode.values()) {
            String message = error(program, CompileOptions.of(ABC, 3).withMode(mode));
            assertEquals("cannot compile 'as_number' (Map): it is numerically encoded but takes 'a' (str), which is not "
                    + "a number; encode it categorically, or map it to numbers", message);
        }
    }

    @Test
    void categoricalMean() {
        SOp program = aggregate(select(tokens(), tokens(), Comparison.TRUE), tokens()).named("mean");
        assertTrue(error(program, CompileOptions.of(ABC, 3)).contains("'mean' (Aggregate): this categorical Aggregate "
                + "would average several different values: on input [a, b] position 0 selects [a, b]"));
    }

    @Test
    void combinedSelector() {
        Selector both = select(tokens(), tokens(), Comparison.EQ).and(select(indices(), indices(), Comparison.LEQ));
        SOp program = selectorWidth(both).named("w");
        String message = error(program, CompileOptions.of(ABC, 3));
        assertTrue(message.contains("'selector_and_1' (SelectorAnd): a combined selector"), message);
    }

    @Test
    void aggregateChangingEncoding() {
        SOp program = numerical(aggregate(select(indices(), indices(), Comparison.EQ), tokens().eq("a"), 0)).named("avg");
        String message = error(program, CompileOptions.of(ABC, 3));
        assertTrue(message.contains("'avg' (Aggregate): it is numerical but aggregates the categorical 'map_1'"), message);
    }

    @Test
    void nonLinearNumericalSequenceMap() {
        SOp x = numerical(tokens().map(v -> 1));
        SOp program = numerical(sequenceMap(ValueFunction2.of("x * y", Values::multiply), x, x)).named("square");
        String message = error(program, CompileOptions.of(ABC, 3));
        assertTrue(message.contains("'square' (SequenceMap): a (non-linear) SequenceMap is a lookup table"), message);
    }

    @Test
    void numericalSOpThatCanBeNone() {
        SOp program = numerical(TracrLib.shiftBy(1, tokens()).map(x -> 1)).named("shifted_one");
        String message = error(program, CompileOptions.of(ABC, 3));
        assertTrue(message.contains("'shifted_one' (Map): it can be None (it reads 'shift_by(1)', an Aggregate whose "
                + "default is None)"), message);
    }

    @Test
    void severalProblemsAreListedTogether() {
        SOp a = numerical(tokens().map(x -> x)).named("a_number");
        SOp program = numerical(aggregate(select(tokens(), tokens(), Comparison.EQ), a, 1)).named("avg");
        CompileException e = assertThrows(CompileException.class,
                () -> RaspCompiler.compile(program, CompileOptions.of(ABC, 3).withMode(CompileOptions.Mode.TRACR_COMPAT)));
        assertTrue(e.getMessage().contains("the original supports only 0 as the default"), e.getMessage());
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThrows(InvalidInputException.class, () -> CompileOptions.of(List.of("a", "BOS"), 3));
        assertThrows(InvalidInputException.class, () -> CompileOptions.of(List.of(1, 1.0), 3));
        assertThrows(InvalidInputException.class, () -> CompileOptions.of(List.of(), 3));
        assertThrows(InvalidInputException.class, () -> CompileOptions.of(ABC, 0));
    }
}
