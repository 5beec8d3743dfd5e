package dev.glassbox.interp.patching;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.hooks.Activation;
import java.util.Arrays;

/**
 * One replacement: at {@code site}, for {@code position} (or every position when null), the band is
 * overwritten with the same band of {@code values}, an activation of the live one's shape (another run's
 * cached value, a mean, zeros).
 */
public record Patch(Site site, Integer position, Activation values) {

    /** Copies the band from {@link #values} into {@code live}. */
    void applyTo(Activation live) {
        if (!Arrays.equals(live.shape(), values.shape())) {
            throw new InvalidInputException("cannot patch " + site.hook() + ": the patched run has shape "
                    + Arrays.toString(live.shape()) + " but the values have shape " + Arrays.toString(values.shape())
                    + " (were the prompts of different lengths?)");
        }
        int positions = live.dim(0), row = live.size() / positions;
        int from = position == null ? 0 : position, to = position == null ? positions : position + 1;
        for (int p = from; p < to; p++) {
            System.arraycopy(values.data(), p * row + site.offset(), live.data(), p * row + site.offset(), site.length());
        }
    }
}
