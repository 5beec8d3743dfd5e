package dev.glassbox.interp.metric;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.model.InterpModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The default metric of patching: at a position, the logit difference between the clean run's answer
 * and the corrupt run's answer (argmax of each), logit[clean answer] - logit[corrupt answer]. A model with
 * one numerical output uses that output's value.
 */
public final class Predictions {
    private Predictions() {}

    /** The argmax of each position's logits. */
    public static int[] argmax(float[][] logits) {
        int[] out = new int[logits.length];
        for (int p = 0; p < logits.length; p++) {
            int best = 0;
            for (int o = 1; o < logits[p].length; o++) if (logits[p][o] > logits[p][best]) best = o;
            out[p] = best;
        }
        return out;
    }

    /**
     * @param position the position to measure, or null for the last position where the answers differ
     */
    public static MetricChoice cleanVersusCorrupt(InterpModel model, Integer position) {
        return (clean, corrupt) -> {
            if (model.numericalOutput()) {
                int p = position != null ? PositionOutOfRangeException.check("metric", position, clean.length)
                        : lastDiffering(clean, corrupt, true);
                return OutputLogit.of(p, 0, model.outputLabel(0));
            }
            int[] a = argmax(clean), b = argmax(corrupt);
            int p = position != null ? PositionOutOfRangeException.check("metric", position, clean.length)
                    : lastDiffering(clean, corrupt, false);
            if (a[p] == b[p]) {
                throw new InvalidInputException("clean and corrupt both predict '" + model.outputLabel(a[p])
                        + "' at position " + p + ", so there is no difference to measure; positions where they differ: "
                        + differing(a, b));
            }
            return LogitDifference.of(p, a[p], b[p], model.outputLabel(a[p]), model.outputLabel(b[p]));
        };
    }

    private static int lastDiffering(float[][] clean, float[][] corrupt, boolean numerical) {
        int[] a = argmax(clean), b = argmax(corrupt);
        for (int p = clean.length - 1; p >= 0; p--) {
            boolean differs = numerical ? clean[p][0] != corrupt[p][0] : a[p] != b[p];
            if (differs) return p;
        }
        throw new InvalidInputException("clean and corrupt give the same output at every position, so patching has"
                + " nothing to restore; choose a corrupt prompt that changes the answer");
    }

    private static String differing(int[] a, int[] b) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < a.length; p++) if (a[p] != b[p]) out.add(p);
        return out.isEmpty() ? "none" : out.toString();
    }

    /**
     * For methods with one run (ablation): the logit of {@code target} at the position, or of the run's own
     * answer there when {@code target} is null; the position defaults to the last. Both arguments of the
     * choice are the same run.
     */
    public static MetricChoice answerLogit(InterpModel model, Integer position, Integer target, Integer minus) {
        return (run, same) -> {
            int p = position != null ? PositionOutOfRangeException.check("metric", position, run.length) : run.length - 1;
            int t = target != null ? target : argmax(run)[p];
            if (minus != null) return LogitDifference.of(p, t, minus, model.outputLabel(t), model.outputLabel(minus));
            return OutputLogit.of(p, t, model.outputLabel(t));
        };
    }
}
