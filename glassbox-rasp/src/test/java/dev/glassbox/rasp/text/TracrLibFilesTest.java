package dev.glassbox.rasp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Labels;
import dev.glassbox.rasp.LinearSequenceMap;
import dev.glassbox.rasp.RaspEvaluationException;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.Values;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 16 programs of examples/tracr-lib against the Java DSL versions of {@link Library}: the same
 * directives, the same expression graph (kinds, names, encodings, sharing), the same outputs on every
 * input up to length 4.
 */
class TracrLibFilesTest {

    static Stream<String> programNames() {
        return Library.all().stream().map(LibraryProgram::name);
    }

    @Test
    void theExamplesFolderHoldsExactlyTheSixteenPrograms() throws IOException {
        try (Stream<Path> files = Files.list(ExampleFiles.tracrLib())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rasp"))
                    .map(n -> n.substring(0, n.length() - ".rasp".length())).sorted().toList();
            assertEquals(programNames().sorted().toList(), names);
        }
    }

    @ParameterizedTest
    @MethodSource("programNames")
    void directivesMatchTheLibrary(String name) {
        LibraryProgram library = Library.get(name);
        RaspProgram program = parse(name);
        assertEquals(library.vocab(), program.vocab().orElseThrow());
        assertEquals(library.maxSeqLen(), program.maxSeqLen().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("programNames")
    void structureMatchesTheLibrary(String name) {
        Labels expected = Labels.forProgram(Library.get(name).build());
        Labels actual = Labels.forProgram(parse(name).output());
        assertEquals(List.copyOf(expected.byLabel().keySet()), List.copyOf(actual.byLabel().keySet()), name + ": labels in order");
        for (int i = 0; i < expected.expressions().size(); i++) {
            RaspExpr e = expected.expressions().get(i), a = actual.expressions().get(i);
            String where = name + ", " + expected.labelOf(e);
            assertSame(e.getClass(), a.getClass(), where);
            assertEquals(e.name(), a.name(), where);
            assertEquals(e.children().stream().map(expected::labelOf).toList(), a.children().stream().map(actual::labelOf).toList(), where);
            if (e instanceof SOp se) assertEquals(se.encoding(), ((SOp) a).encoding(), where);
            switch (e) {
                case Select s -> {
                    Select t = (Select) a;
                    if (s.predicate() instanceof Comparison c) assertSame(c, t.predicate(), where);
                    else assertTrue(!(t.predicate() instanceof Comparison), where + ": a custom predicate");
                }
                case Aggregate g -> assertTrue(Values.equal(g.defaultValue(), ((Aggregate) a).defaultValue()), where);
                case LinearSequenceMap l -> {
                    assertEquals(l.fstFactor(), ((LinearSequenceMap) a).fstFactor(), where);
                    assertEquals(l.sndFactor(), ((LinearSequenceMap) a).sndFactor(), where);
                }
                case Full f -> assertTrue(Values.equal(f.fill(), ((Full) a).fill()), where);
                default -> { }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("programNames")
    void evaluatesLikeTheLibraryOnEveryShortInput(String name) {
        LibraryProgram library = Library.get(name);
        SOp expected = library.build(), actual = parse(name).output();
        List<Evaluator> evaluators = library.causalSafe() ? List.of(Evaluator.standard(), Evaluator.causal()) : List.of(Evaluator.standard());
        int checked = 0;
        for (List<Object> input : inputsUpTo(library.vocab(), 4)) {
            for (Evaluator evaluator : evaluators) {
                List<Object> want = outcome(evaluator, expected, input), got = outcome(evaluator, actual, input);
                assertEquals(want.size(), got.size(), name + " on " + input);
                for (int p = 0; p < want.size(); p++) {
                    if (!Values.equal(want.get(p), got.get(p))) fail(name + " on " + input + ": expected " + want + ", got " + got);
                }
                checked++;
            }
        }
        assertTrue(checked > library.vocab().size());
    }

    /** The output, or a one-element list naming the failure: both versions must fail alike. */
    private static List<Object> outcome(Evaluator evaluator, SOp program, List<Object> input) {
        try {
            return evaluator.evaluate(program, input);
        } catch (RaspEvaluationException e) {
            return List.of("fails");
        }
    }

    static List<List<Object>> inputsUpTo(List<Object> vocab, int maxLength) {
        List<List<Object>> all = new ArrayList<>();
        List<List<Object>> current = List.of(List.of());
        all.addAll(current);
        for (int length = 1; length <= maxLength; length++) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : current) {
                for (Object token : vocab) {
                    List<Object> longer = new ArrayList<>(prefix);
                    longer.add(token);
                    next.add(longer);
                }
            }
            all.addAll(next);
            current = next;
        }
        return all;
    }

    static RaspProgram parse(String name) {
        return RaspParser.parseFile(ExampleFiles.tracrLib().resolve(name + ".rasp"));
    }
}
