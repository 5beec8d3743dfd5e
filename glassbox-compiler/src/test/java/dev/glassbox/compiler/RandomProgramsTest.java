package dev.glassbox.compiler;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.linearSequenceMap;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.selectorWidth;
import static dev.glassbox.rasp.Rasp.sequenceMap;
import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.SelectPredicate;
import dev.glassbox.rasp.ValueFunction;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random programs over every kind of expression: whatever the default mode compiles must verify
 * with no mismatch on every input (programs it refuses, e.g. for a categorical mean, are skipped).
 */
class RandomProgramsTest {
    private static final List<Object> VOCAB = List.of(0, 1, 2);
    private static final int MAX_LEN = 4;

    private static final List<ValueFunction> CATEGORICAL_MAPS = List.of(
            ValueFunction.of("x + 1", x -> Values.add(x, 1)),
            ValueFunction.of("x % 2", x -> Values.modulo(x, 2)),
            ValueFunction.of("x == 1", x -> Values.equal(x, 1)),
            ValueFunction.of("min(x, 2)", x -> Values.compare(x, 2) < 0 ? x : 2),
            ValueFunction.of("x * x % 5", x -> Values.modulo(Values.multiply(x, x), 5)));
    private static final List<ValueFunction> NUMERICAL_MAPS = List.of(
            ValueFunction.of("x - 1", x -> Values.subtract(x, 1)),
            ValueFunction.of("2x", x -> Values.multiply(x, 2)),
            ValueFunction.of("-x", x -> Values.negate(x)));
    private static final List<ValueFunction> FROM_NUMBERS = List.of(
            ValueFunction.of("x > 0.5", x -> Values.toDouble(x) > 0.5),
            ValueFunction.of("round(2x)", x -> (int) Math.round(2 * Values.toDouble(x))),
            ValueFunction.of("x < 0", x -> Values.toDouble(x) < 0));
    private static final List<ValueFunction> NUMBERS_TO_NUMBERS = List.of(
            ValueFunction.of("x * x", x -> Values.multiply(x, x)),
            ValueFunction.of("3x + 1", x -> Values.add(Values.multiply(x, 3), 1)),
            ValueFunction.of("1 if x > 0.3 else -1", x -> Values.toDouble(x) > 0.3 ? 1 : -1));
    private static final List<ValueFunction2> PAIRS = List.of(
            ValueFunction2.of("(x + y) % 3", (x, y) -> Values.modulo(Values.add(x, y), 3)),
            ValueFunction2.of("x == y", Values::equal),
            ValueFunction2.of("x - y", Values::subtract),
            ValueFunction2.of("max(x, y)", (x, y) -> Values.compare(x, y) >= 0 ? x : y));
    private static final List<SelectPredicate> PREDICATES = List.of(Comparison.EQ, Comparison.LT, Comparison.LEQ,
            Comparison.GT, Comparison.TRUE, Comparison.NEQ,
            SelectPredicate.of("q == k + 1", (k, q) -> Values.equal(q, Values.add(k, 1))));

    @Test
    void randomProgramsVerify() {
        SplittableRandom random = new SplittableRandom(Long.getLong("fuzz.seed", 20240611));
        int compiled = 0, refused = 0, causallyCompiled = 0;
        for (int i = 0; i < Integer.getInteger("fuzz.count", 160); i++) {
            SOp program = randomProgram(random, 1 + random.nextInt(Integer.getInteger("fuzz.steps", 6)));
            CompiledModel model;
            try {
                model = RaspCompiler.compile(program, CompileOptions.of(VOCAB, MAX_LEN)
                        .withEnumerationLimit(Integer.getInteger("fuzz.enumerationLimit", CompileOptions.DEFAULT_ENUMERATION_LIMIT)));
            } catch (CompileException e) {
                refused++;
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("program " + i + " (" + describe(program) + ") does not compile: " + e, e);
            }
            compiled++;
            VerificationResult r = Verifier.verify(model, program, MAX_LEN);
            assertTrue(r.passed(), "program " + i + " (" + describe(program) + "): " + r.mismatches() + " mismatches, first "
                    + r.firstCounterexample() + "\nresidual " + model.residualLabels());
            // causally: refused, or right
            try {
                CompiledModel causal = RaspCompiler.compile(program, CompileOptions.of(VOCAB, MAX_LEN).withCausal(true));
                causallyCompiled++;
                VerificationResult c = Verifier.verify(causal, program, MAX_LEN);
                assertTrue(c.passed(), "program " + i + " causal: first " + c.firstCounterexample());
            } catch (CompileException refusedCausally) {
                // reads later positions
            }
            // the compat mode may be wrong (that is its point) but fails only with a CompileException
            try {
                RaspCompiler.compile(program, CompileOptions.of(VOCAB, MAX_LEN).withMode(CompileOptions.Mode.TRACR_COMPAT));
            } catch (CompileException unsupportedByTheOriginal) {
                // fine
            }
        }
        System.out.println("random programs: " + compiled + " compiled (" + causallyCompiled + " also causally), "
                + refused + " refused");
        assertTrue(compiled > 100, "only " + compiled + " compiled, " + refused + " refused");
    }

    private static SOp randomProgram(SplittableRandom random, int steps) {
        List<SOp> categorical = new ArrayList<>(List.of(tokens(), indices()));
        List<SOp> numbers = new ArrayList<>();
        SOp last = tokens();
        for (int s = 0; s < steps; s++) {
            SOp c = pick(random, categorical), c2 = pick(random, categorical);
            SOp made = switch (random.nextInt(numbers.isEmpty() ? 6 : 11)) {
                case 0 -> c.map(pick(random, CATEGORICAL_MAPS));
                case 1 -> numerical(c.map(pick(random, NUMERICAL_MAPS)));
                case 2 -> sequenceMap(pick(random, PAIRS), c, c2);
                case 3 -> aggregate(select(indices(), indices(), pick(random, PREDICATES.subList(6, 7))), c);
                case 4 -> selectorWidth(select(c, c2, pick(random, PREDICATES)));
                case 5 -> numerical(aggregate(select(c, c2, pick(random, PREDICATES)),
                        numerical(c.map(pick(random, NUMERICAL_MAPS))), 0));
                case 6 -> pick(random, numbers).map(pick(random, FROM_NUMBERS));
                case 7 -> numerical(pick(random, numbers).map(pick(random, NUMBERS_TO_NUMBERS)));
                case 8 -> numerical(linearSequenceMap(pick(random, numbers), pick(random, numbers), 0.5, -2));
                case 9 -> numerical(aggregate(select(c, c2, pick(random, PREDICATES)), pick(random, numbers), 0));
                default -> selectorWidth(select(c, c2, pick(random, PREDICATES))).numerical();
            };
            (made.isNumerical() ? numbers : categorical).add(made);
            last = made;
        }
        return last;
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String describe(SOp sop) {
        return dev.glassbox.rasp.Labels.forProgram(sop).expressions().stream().map(e -> e.defaultName() + "[" + e + "]")
                .toList().toString();
    }
}
