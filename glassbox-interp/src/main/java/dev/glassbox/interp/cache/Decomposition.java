package dev.glassbox.interp.cache;

import dev.glassbox.model.hooks.Activation;
import java.util.List;

/**
 * A residual stream split into the parts that wrote it: {@code parts.get(i)} [position][dModel] is
 * what component {@code names.get(i)} added, and the parts sum to the residual stream at {@code stage}
 * (up to float rounding).
 *
 * @param stage the hook name of the residual stream decomposed, e.g. {@code blocks.1.hook_resid_post}
 */
public record Decomposition(String stage, List<String> names, List<Activation> parts) {
    public Decomposition {
        names = List.copyOf(names);
        parts = List.copyOf(parts);
        if (names.size() != parts.size()) throw new IllegalArgumentException("one name per part");
    }

    /** The sum of the parts, [position][dModel]. */
    public Activation sum() {
        Activation first = parts.getFirst();
        float[] total = new float[first.size()];
        for (Activation part : parts) {
            float[] d = part.data();
            for (int i = 0; i < total.length; i++) total[i] += d[i];
        }
        return new Activation(first.shape(), total);
    }

    public Activation part(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no part named " + name + " in " + names);
        return parts.get(i);
    }

    /** Euclidean norm of each part at one position, in the order of {@link #names}. */
    public double[] norms(int position) {
        double[] out = new double[parts.size()];
        for (int c = 0; c < parts.size(); c++) {
            Activation a = parts.get(c);
            int width = a.dim(1);
            double sum = 0;
            for (int i = 0; i < width; i++) {
                float v = a.data()[position * width + i];
                sum += v * v;
            }
            out[c] = Math.sqrt(sum);
        }
        return out;
    }
}
