package dev.glassbox.interp.lens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The logit lens of one run: {@code logits[stage][position][output]}.
 *
 * @param stages short stage labels ({@code 0_pre}, {@code 0_mid}, ..., {@code final})
 * @param hooks the residual-stream hook each stage reads
 * @param softcapped whether the model's final soft-cap was applied (false when the model has none)
 */
public record LensResult(LensOptions options, boolean softcapped, List<String> stages, List<String> hooks,
        float[][][] logits) {

    public int positions() {
        return logits[0].length;
    }

    public float logit(int stage, int position, int output) {
        return logits[stage][position][output];
    }

    /** softmax_output(logits) at one stage and position. */
    public double probability(int stage, int position, int output) {
        float[] row = logits[stage][position];
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) max = Math.max(max, v);
        double sum = 0;
        for (float v : row) sum += Math.exp(v - max);
        return Math.exp(row[output] - max) / sum;
    }

    /** 0 when {@code output} has the largest logit, 1 for the runner-up, ... */
    public int rank(int stage, int position, int output) {
        float[] row = logits[stage][position];
        int rank = 0;
        for (float v : row) if (v > row[output]) rank++;
        return rank;
    }

    /** The {@code k} outputs with the largest logits, largest first. */
    public List<Integer> top(int stage, int position, int k) {
        float[] row = logits[stage][position];
        return IntStream.range(0, row.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -row[i]).thenComparingInt(i -> i))
                .limit(k)
                .toList();
    }

    /** The target's logit at every stage for one position (a line of the lens plot). */
    public double[] line(int position, int output) {
        double[] out = new double[stages.size()];
        for (int s = 0; s < out.length; s++) out[s] = logits[s][position][output];
        return out;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) parts.add(stages.get(s) + "=" + Arrays.toString(logits[s][positions() - 1]));
        return "LensResult" + parts;
    }
}
