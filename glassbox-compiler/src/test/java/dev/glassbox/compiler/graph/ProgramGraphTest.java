package dev.glassbox.compiler.graph;

import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Values;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramGraphTest {

    @Test
    void expressionsAreNodesByIdentityNotByName() {
        SOp a = tokens().map(x -> Values.add(x, 1)).named("x");
        SOp b = tokens().map(x -> Values.add(x, 2)).named("x");
        SOp program = a.plus(b).named("sum");
        ProgramGraph graph = ProgramGraph.extract(program);
        assertEquals(4, graph.topological().size()); // tokens, two x's, sum
        assertNotSame(graph.label(a), graph.label(b));
        assertEquals(List.of("x_1", "x_2"), List.of(graph.label(a), graph.label(b)));
        assertEquals(List.of(program), graph.readers(a));
        assertEquals(List.of(a, b), graph.readers(tokens()));
    }

    @Test
    void inputsComeBeforeReaders() {
        SOp reverse = TracrLib.makeReverse(tokens());
        ProgramGraph graph = ProgramGraph.extract(reverse);
        List<RaspExpr> order = graph.topological();
        for (int i = 0; i < order.size(); i++) {
            for (RaspExpr child : order.get(i).children()) assertTrue(order.indexOf(child) < i, "child after reader");
        }
        assertEquals(reverse, order.getLast());
        assertEquals(reverse, graph.breadthFirst().getFirst());
    }
}
