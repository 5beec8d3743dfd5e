package dev.glassbox.interp.metric;

/** A number read from a run's logits [position][output]: what patching and ablation measure. */
public interface Metric {

    /** What is measured, in words, for reports ("logit[c] - logit[a] at position 3"). */
    String description();

    /** The position whose logits are read. */
    int position();

    double measure(float[][] logits);
}
