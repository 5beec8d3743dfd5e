package dev.glassbox.interp.metric;

import dev.glassbox.interp.PositionOutOfRangeException;

/** logits[position][output]: one logit, or a numerical model's output value. */
public record OutputLogit(int position, int output, String description) implements Metric {

    public static OutputLogit of(int position, int output, String label) {
        return new OutputLogit(position, output, "logit[" + label + "] at position " + position);
    }

    @Override
    public double measure(float[][] logits) {
        PositionOutOfRangeException.check("metric", position, logits.length);
        return logits[position][output];
    }
}
