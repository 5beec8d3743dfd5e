package dev.glassbox.compiler.verify;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.CompiledModelRunner;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a compiled model against its RASP program: runs the model (through the one runtime forward pass)
 * on inputs over its vocabulary of length 1 to {@code maxLength}, and compares every position with the
 * RASP evaluator (the causal evaluator for a causal model).
 *
 * <p>Inputs: all of them when there are at most {@code limit} (100,000 by default), shortest first;
 * otherwise {@code limit} inputs drawn with a fixed seed (a uniform length, then uniform tokens).
 *
 * <p>Rules:
 * <ul>
 *   <li>A categorical output must decode to a value equal to RASP's (as Python compares: 1 == 1.0 == True).
 *   <li>A numerical output must be within {@value #TOLERANCE}·max(1, |expected|) of RASP's. The weights
 *       compute the exact value in real arithmetic; what is left is float32 rounding, largest where a
 *       discretising MLP sums many steps (measured: 9·10^-5 for numerical length at max_seq_len 64,
 *       about 10^-7 for the library's numerical programs). Values a program must tell apart differ far
 *       more: means of at most n items differ by at least 1/n², 1/4096 at length 64.
 *   <li>Where RASP gives None: in the default mode the model must decode to None too (its explicit "no
 *       value"); in the compat mode the position is don't-care, because the original decodes None as
 *       whatever value comes first.
 *   <li>An input on which the RASP program raises has no expected output: all its positions are
 *       don't-care.
 * </ul>
 */
public final class Verifier {
    private Verifier() {}

    public static final int DEFAULT_LIMIT = 100_000;
    public static final long DEFAULT_SEED = 42;
    public static final double TOLERANCE = 1e-3;

    public static VerificationResult verify(CompiledModel model, SOp program, int maxLength) {
        return verify(model, program, maxLength, DEFAULT_LIMIT, DEFAULT_SEED);
    }

    public static VerificationResult verify(CompiledModel model, SOp program, int maxLength, int limit, long seed) {
        if (maxLength < 1) throw new InvalidInputException("the length to verify up to must be at least 1");
        if (maxLength > model.input().maxSeqLen()) {
            throw new InvalidInputException("cannot verify inputs of length " + maxLength + ": the model was compiled for at most "
                    + model.input().maxSeqLen());
        }
        if (limit < 1) throw new InvalidInputException("the number of inputs to verify must be at least 1");
        Run run = new Run(model, program);
        List<Object> vocab = model.input().vocab();
        long count = count(vocab.size(), maxLength, limit);
        boolean exhaustive = count <= limit;
        if (exhaustive) {
            for (int n = 1; n <= maxLength; n++) {
                int[] digits = new int[n];
                while (true) {
                    List<Object> input = new ArrayList<>(n);
                    for (int d : digits) input.add(vocab.get(d));
                    run.check(input);
                    int i = n - 1;
                    while (i >= 0 && ++digits[i] == vocab.size()) digits[i--] = 0;
                    if (i < 0) break;
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < limit; i++) {
                int n = 1 + random.nextInt(maxLength);
                List<Object> input = new ArrayList<>(n);
                for (int p = 0; p < n; p++) input.add(vocab.get(random.nextInt(vocab.size())));
                run.check(input);
            }
        }
        return new VerificationResult(run.inputs, exhaustive, run.checked, run.mismatches, run.dontCare, run.first);
    }

    /** Whether two outputs agree under the rules above (expected non-null). */
    public static boolean agrees(Object expected, Object actual, boolean numerical) {
        if (numerical) {
            if (!(actual instanceof Number) || !Values.isNumber(expected)) return false;
            double e = Values.toDouble(expected), a = ((Number) actual).doubleValue();
            return Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e));
        }
        return actual != null && Values.equal(expected, actual);
    }

    private static long count(int vocab, int maxLength, long cap) {
        long total = 0, perLength = 1;
        for (int n = 1; n <= maxLength; n++) {
            if (perLength > cap) return cap + 1;
            perLength *= vocab;
            total += perLength;
            if (total > cap) return cap + 1;
        }
        return total;
    }

    private static final class Run {
        final CompiledModelRunner runner;
        final SOp program;
        final Evaluator evaluator;
        final boolean compat, numerical;
        long inputs, checked, mismatches, dontCare;
        VerificationResult.Counterexample first;

        Run(CompiledModel model, SOp program) {
            this.runner = new CompiledModelRunner(model);
            this.program = program;
            this.evaluator = model.config().causal() ? Evaluator.causal() : Evaluator.standard();
            this.compat = "tracr".equals(model.report().mode());
            this.numerical = model.output().numerical();
        }

        void check(List<Object> input) {
            inputs++;
            List<Object> expected;
            try {
                expected = evaluator.evaluate(program, input);
            } catch (RuntimeException undefined) {
                dontCare += input.size();
                return;
            }
            List<Object> actual = runner.run(input);
            int firstBad = -1;
            for (int p = 0; p < input.size(); p++) {
                Object e = expected.get(p), a = actual.get(p);
                boolean ok;
                if (e == null) {
                    if (compat) {
                        dontCare++;
                        continue;
                    }
                    ok = a == null;
                } else {
                    ok = agrees(e, a, numerical);
                }
                checked++;
                if (!ok) {
                    mismatches++;
                    if (firstBad < 0) firstBad = p;
                }
            }
            if (firstBad >= 0 && first == null) {
                first = new VerificationResult.Counterexample(input, expected, actual, firstBad);
            }
        }
    }
}
