package dev.glassbox.rasp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.Encoding;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.LinearSequenceMap;
import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.Rasp;
import dev.glassbox.rasp.RaspEvaluationException;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.SelectorAnd;
import dev.glassbox.rasp.SelectorNot;
import dev.glassbox.rasp.SelectorOr;
import dev.glassbox.rasp.SequenceMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The constructs of the language one by one: what each builds, names, and evaluates to. */
class LanguageFeaturesTest {

    private static RaspProgram parse(String source) {
        return RaspParser.parse(source, "test.rasp");
    }

    private static List<Object> run(String source, Object... input) {
        return Evaluator.standard().evaluate(parse(source).output(), Arrays.asList(input));
    }

    private static RaspExpr definition(RaspProgram p, String name) {
        return p.definitions().get(name);
    }

    // ---- naming ----

    @Test
    void assignmentNamesWhatItBuildsButLetDoesNot() {
        RaspProgram p = parse("""
                let sel = select(tokens, tokens, EQ)
                hist = selector_width(sel)
                """);
        assertNull(definition(p, "sel").name());
        assertEquals("hist", p.output().name());
        assertEquals(List.of("sel", "hist"), List.copyOf(p.definitions().keySet()));
    }

    @Test
    void anExplicitNameWinsAndAnAliasDoesNotRename() {
        RaspProgram p = parse("""
                a = (tokens == "x").named("is x")
                b = a
                c = tokens
                b
                """);
        assertEquals("is x", p.output().name());
        assertSame(definition(p, "a"), definition(p, "b"));
        assertSame(Rasp.tokens(), definition(p, "c"));
        assertEquals("tokens", Rasp.tokens().toString());
    }

    @Test
    void aLetBoundExpressionIsNamedByALaterAssignment() {
        RaspProgram p = parse("let x = tokens + 1\ny = x\n");
        assertEquals("y", p.output().name());
    }

    // ---- Tracr's simplifications happen as in the Java DSL ----

    @Test
    void aMapOfAMapIsFusedUnlessSimplifyIsFalse() {
        RaspProgram p = parse("""
                a = tokens + 1
                fused = a * 10
                kept = map(lambda x: x * 10, a, simplify=False)
                fused
                """);
        Map fused = (Map) definition(p, "fused"), kept = (Map) definition(p, "kept");
        assertSame(Rasp.tokens(), fused.inner());
        assertSame(definition(p, "a"), kept.inner());
        assertEquals(List.of(20, 30), Evaluator.standard().evaluate(fused, List.of(1, 2)));
    }

    @Test
    void selectorsCombineWithAndOrNotFoldingSelectsAsTracrDoes() {
        RaspProgram p = parse("""
                lt = select(indices, indices, LT)
                eq = select(indices, indices, EQ)
                other = select(tokens, tokens, EQ)
                leq = lt | eq
                gt = ~leq
                mixed = lt & other
                mixed_or = selector_or(lt, other)
                negated_mix = ~mixed
                selector_width(leq)
                """);
        assertInstanceOf(Select.class, definition(p, "leq"));
        assertInstanceOf(Select.class, definition(p, "gt"));
        assertInstanceOf(SelectorAnd.class, definition(p, "mixed"));
        assertInstanceOf(SelectorOr.class, definition(p, "mixed_or"));
        assertInstanceOf(SelectorNot.class, definition(p, "negated_mix"));
        assertEquals(List.of(1, 2, 3), Evaluator.standard().evaluate(p.output(), List.of("a", "b", "c")));
    }

    // ---- operators on S-Ops: Tracr's overloads ----

    @Test
    void operatorsOnSOpsBuildMapsAndSequenceMaps() {
        assertEquals(List.of(-2, 0), run("1 - tokens", 3, 1));
        assertEquals(List.of(true, false), run("2 < tokens", 3, 1));
        assertEquals(List.of(1, 2), run("tokens // 2", 3, 5));
        assertEquals(List.of(true, false), run("tokens in ('a', 'b')", "a", "c"));
        assertEquals(List.of(true, false), run("tokens == indices", 0, 0));
        assertEquals(List.of(false, true), run("~(tokens == 'a')", "a", "b"));
        assertEquals(List.of(-3, -1), run("-tokens", 3, 1));
        assertEquals(List.of(2, 0), run("tokens & 2", 3, 0));
        assertInstanceOf(SequenceMap.class, parse("length = tokens - indices").output());
        assertInstanceOf(Map.class, parse("x = 1 - tokens").output());
    }

    @Test
    void comparisonsAreNamedBareOrAsInTracr() {
        RaspProgram p = parse("""
                a = select(tokens, tokens, LEQ)
                b = select(tokens, tokens, Comparison.LEQ)
                c = select(keys=tokens, queries=indices, predicate=GT)
                selector_width(a)
                """);
        assertSame(Comparison.LEQ, ((Select) definition(p, "a")).predicate());
        assertSame(Comparison.LEQ, ((Select) definition(p, "b")).predicate());
        assertSame(Rasp.indices(), ((Select) definition(p, "c")).queries());
    }

    @Test
    void customPredicatesTakeTheKeyFirst() {
        // q == k + 1: each query attends to the key just before it.
        assertEquals(Arrays.asList(null, "a", "b"),
                run("aggregate(select(indices, indices, lambda k, q: q == k + 1), tokens)", "a", "b", "c"));
    }

    @Test
    void everyBuilderIsAvailable() {
        RaspProgram p = parse("""
                lin = numerical(linear_sequence_map(numerical(map(lambda x: x, tokens)), indices, 2, -0.5))
                seq = sequence_map(lambda x, y: x * y, tokens, indices)
                const = constant_sop((7, 8, 9))
                unchecked = constant_sop((1,), check_length=False)
                filled = full("z")
                mean = numerical(aggregate(select(indices, indices, TRUE), numerical(map(lambda x: x, tokens)), default=0))
                cat = categorical(aggregate(select(indices, indices, EQ), tokens))
                and_ = selector_and(select(indices, indices, LEQ), select(indices, indices, GEQ))
                not_ = selector_not(and_)
                seq
                """);
        LinearSequenceMap lin = (LinearSequenceMap) definition(p, "lin");
        assertEquals(2.0, lin.fstFactor());
        assertEquals(-0.5, lin.sndFactor());
        assertEquals(Encoding.NUMERICAL, lin.encoding());
        List<Object> in = List.of(1, 2, 3);
        assertEquals(List.of(2.0, 3.5, 5.0), Evaluator.standard().evaluate((SOp) definition(p, "lin"), in));
        assertEquals(List.of(0, 2, 6), Evaluator.standard().evaluate(p.output(), in));
        assertEquals(List.of(7, 8, 9), Evaluator.standard().evaluate((SOp) definition(p, "const"), in));
        assertEquals(Arrays.asList(1, null), run("constant_sop((1, None))", "a", "b"));
        assertEquals(List.of("z", "z", "z"), Evaluator.standard().evaluate((SOp) definition(p, "filled"), in));
        assertEquals(List.of(2.0, 2.0, 2.0), Evaluator.standard().evaluate((SOp) definition(p, "mean"), in));
        assertEquals(Encoding.CATEGORICAL, ((Aggregate) definition(p, "cat")).encoding());
        assertInstanceOf(Select.class, definition(p, "and_"));
        assertInstanceOf(Select.class, definition(p, "not_"));
    }

    @Test
    void numericalAnnotatesTheSameExpressionAsInTracr() {
        RaspProgram p = parse("""
                x = tokens == "a"
                y = numerical(x)
                x
                """);
        assertSame(definition(p, "x"), definition(p, "y"));
        assertEquals(Encoding.NUMERICAL, p.output().encoding());
    }

    // ---- lambdas, constants and descriptions ----

    @Test
    void functionsAreDescribedByTheirSourceText() {
        RaspProgram p = parse("""
                let offset = 2
                let shifted = lambda x: x + offset
                a = map(shifted, tokens)
                b = map(lambda x: (x,    # a comment inside the lambda
                                   x * 2), tokens)
                s = select(tokens, tokens, lambda k, q: k < q)
                a
                """);
        assertEquals("lambda x: x + offset", ((Map) definition(p, "a")).f().toString());
        assertEquals("lambda x: (x, x * 2)", ((Map) definition(p, "b")).f().toString());
        assertEquals("lambda k, q: k < q", ((Select) definition(p, "s")).predicate().toString());
        assertEquals(List.of(3, 4), Evaluator.standard().evaluate(p.output(), List.of(1, 2)));
    }

    @Test
    void lambdasCanCallTopLevelLambdasAndReadConstantsAndMaxSeqLen() {
        assertEquals(List.of(1.2, 2.2), run("""
                max_seq_len 5
                let half = lambda v: v / 2
                let bonus = 1
                map(lambda x: half(x) + bonus / max_seq_len, tokens)
                """, 2, 4));
    }

    @Test
    void anErrorWhileAFunctionRunsSaysWhereInTheFile() {
        RaspProgram p = parse("""
                vocab {"a", 1}
                x = map(lambda v: v - 1, tokens)
                """);
        RaspEvaluationException e = assertThrows(RaspEvaluationException.class,
                () -> Evaluator.standard().evaluate(p.output(), List.of(1, "a")));
        assertTrue(e.getMessage().contains("test.rasp:2:21: unsupported operands for -: 'a' (str) and 1 (int)"), e.getMessage());
    }

    // ---- layout, directives, files ----

    @Test
    void commentsBlankLinesContinuationsAndBracketsSpanLines() {
        RaspProgram p = parse("""
                # a comment line

                vocab {1, 2,
                       3}   # trailing comment
                max_seq_len 4
                x = tokens \\
                    + 1
                y = map(
                    lambda v: v * 2,
                    x,
                )
                """);
        assertEquals(List.of(1, 2, 3), p.vocab().orElseThrow());
        assertEquals(4, p.maxSeqLen().orElseThrow());
        assertEquals(List.of(4, 6), Evaluator.standard().evaluate(p.output(), List.of(1, 2)));
    }

    @Test
    void directivesAreOptional() {
        RaspProgram p = parse("tokens");
        assertTrue(p.vocab().isEmpty());
        assertTrue(p.maxSeqLen().isEmpty());
        assertSame(Rasp.tokens(), p.output());
        assertEquals("test.rasp", p.fileName());
        assertEquals("tokens", p.source());
    }

    @Test
    void parseFileReportsErrorsUnderThePathAndMissingFilesClearly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.rasp");
        Files.writeString(file, "x = select(tokens, tokens, EQ\n");
        RaspSyntaxException e = assertThrows(RaspSyntaxException.class, () -> RaspParser.parseFile(file));
        assertTrue(e.getMessage().startsWith(file + ":1:11: "), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(11, e.column());
        GlassboxException missing = assertThrows(GlassboxException.class, () -> RaspParser.parseFile(dir.resolve("none.rasp")));
        assertTrue(missing.getMessage().contains("cannot read the RASP program"), missing.getMessage());
    }
}
