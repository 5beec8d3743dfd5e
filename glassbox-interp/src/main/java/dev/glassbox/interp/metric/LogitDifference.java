package dev.glassbox.interp.metric;

import dev.glassbox.interp.PositionOutOfRangeException;

/** logits[position][output] - logits[position][minus]. */
public record LogitDifference(int position, int output, int minus, String description) implements Metric {

    public static LogitDifference of(int position, int output, int minus, String outputLabel, String minusLabel) {
        return new LogitDifference(position, output, minus,
                "logit[" + outputLabel + "] - logit[" + minusLabel + "] at position " + position);
    }

    @Override
    public double measure(float[][] logits) {
        PositionOutOfRangeException.check("metric", position, logits.length);
        return logits[position][output] - logits[position][minus];
    }
}
