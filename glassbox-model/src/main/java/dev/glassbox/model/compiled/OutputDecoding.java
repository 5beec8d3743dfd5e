package dev.glassbox.model.compiled;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a compiled model's output is read from its logits (the unembedding picks the output S-Op's
 * residual dimensions). Categorical: logit j belongs to {@code values.get(j)} and the argmax decides;
 * a null entry is the explicit "no value" (RASP None). Numerical: one logit, which is the value.
 */
public record OutputDecoding(String outputLabel, boolean numerical, List<Object> values) {
    public OutputDecoding {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        if (numerical && values.size() != 1) {
            throw new IllegalArgumentException("a numerical output has exactly one logit");
        }
    }

    public static OutputDecoding numerical(String outputLabel) {
        return new OutputDecoding(outputLabel, true, java.util.Arrays.asList((Object) null));
    }

    public static OutputDecoding categorical(String outputLabel, List<Object> values) {
        return new OutputDecoding(outputLabel, false, values);
    }

    /** Number of logits. */
    public int size() {
        return values.size();
    }

    /** The value one position's logits stand for. */
    public Object decode(float[] logits) {
        if (numerical) return (double) logits[0];
        int best = 0;
        for (int j = 1; j < logits.length; j++) if (logits[j] > logits[best]) best = j;
        return values.get(best);
    }
}
