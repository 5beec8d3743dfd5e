package dev.glassbox.compiler;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.compiled.InputEncoding;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to compile a RASP program.
 *
 * @param vocab the input tokens the model accepts (RASP values; not {@code BOS} or {@code compiler_pad})
 * @param maxSeqLen the longest input, without BOS
 * @param mode {@link Mode#DEFAULT} or {@link Mode#TRACR_COMPAT}
 * @param causal whether the model masks attention to later positions
 * @param mlpExactness Tracr's L, the slope of the discretising MLPs' ramps; used by the compat mode only,
 *     since the default mode derives each ramp from the gap between the values it separates
 * @param enumerationLimit the default mode runs the program on every input over the vocabulary up to
 *     maxSeqLen when there are at most this many, which gives exact value sets; above it, value sets are
 *     inferred by rules (over-approximations) and checks use a seeded sample of inputs
 */
public record CompileOptions(List<Object> vocab, int maxSeqLen, Mode mode, boolean causal, double mlpExactness,
        int enumerationLimit) {

    public static final double DEFAULT_MLP_EXACTNESS = 100;
    public static final int DEFAULT_ENUMERATION_LIMIT = 20_000;

    /** Which compiler to be. */
    public enum Mode {
        /** Correct where the original is silently wrong, and never larger. */
        DEFAULT,
        /** The original Tracr's constructions, sizes and faults, for comparison. */
        TRACR_COMPAT;

        /** The name used in reports and on the command line: {@code default} or {@code tracr}. */
        public String reportName() {
            return this == DEFAULT ? "default" : "tracr";
        }
    }

    public CompileOptions {
        if (vocab == null || vocab.isEmpty()) throw new InvalidInputException("the vocabulary is empty; give at least one token");
        if (mode == null) throw new IllegalArgumentException("mode is null");
        Set<Object> seen = new HashSet<>();
        List<Object> copy = new ArrayList<>(vocab.size());
        for (Object token : vocab) {
            if (token == null) throw new InvalidInputException("the vocabulary contains None; tokens must be values");
            Values.requireValue(token);
            if (InputEncoding.BOS.equals(token) || InputEncoding.PAD.equals(token)) {
                throw new InvalidInputException("the vocabulary must not contain '" + token
                        + "': the compiler reserves it for its own special token");
            }
            if (!seen.add(Values.key(token))) {
                throw new InvalidInputException("the vocabulary lists " + Values.describe(token)
                        + " twice (as in Python, 1, 1.0 and True are the same value)");
            }
            copy.add(token);
        }
        vocab = Collections.unmodifiableList(copy);
        if (maxSeqLen < 1) throw new InvalidInputException("max sequence length must be at least 1, got " + maxSeqLen);
        if (!(mlpExactness > 0) || Double.isInfinite(mlpExactness)) {
            throw new InvalidInputException("mlp exactness must be a positive number, got " + mlpExactness);
        }
        if (enumerationLimit < 0) throw new InvalidInputException("enumeration limit must not be negative");
    }

    /** Default mode, not causal, mlpExactness 100. */
    public static CompileOptions of(List<?> vocab, int maxSeqLen) {
        return new CompileOptions(new ArrayList<>(vocab), maxSeqLen, Mode.DEFAULT, false, DEFAULT_MLP_EXACTNESS,
                DEFAULT_ENUMERATION_LIMIT);
    }

    public CompileOptions withMode(Mode mode) {
        return new CompileOptions(vocab, maxSeqLen, mode, causal, mlpExactness, enumerationLimit);
    }

    public CompileOptions withCausal(boolean causal) {
        return new CompileOptions(vocab, maxSeqLen, mode, causal, mlpExactness, enumerationLimit);
    }

    public CompileOptions withMlpExactness(double mlpExactness) {
        return new CompileOptions(vocab, maxSeqLen, mode, causal, mlpExactness, enumerationLimit);
    }

    public CompileOptions withEnumerationLimit(int enumerationLimit) {
        return new CompileOptions(vocab, maxSeqLen, mode, causal, mlpExactness, enumerationLimit);
    }

    public boolean isCompat() {
        return mode == Mode.TRACR_COMPAT;
    }
}
