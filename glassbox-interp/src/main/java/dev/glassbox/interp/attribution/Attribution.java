package dev.glassbox.interp.attribution;

import java.util.Comparator;
import java.util.List;

/**
 * Direct logit attribution at one position: each component's share of the target, read through the
 * final norm with the run's own scale, so that
 * <pre>  sum(components) + biases = logit  </pre>
 * where {@code logit} is the target's value before any final soft-cap (the soft-cap is not linear; the
 * attribution explains its input).
 *
 * @param target the target as labels, "a" or "a - b"
 * @param biases the part written by biases (b_O of attention, b_out of MLPs), kept out of the components
 * @param logit the target's pre-soft-cap value in the run
 * @param softcapped whether the model soft-caps its logits after this value
 */
public record Attribution(String target, int position, AttributionLevel level, boolean centred,
        List<ComponentScore> components, double biases, double logit, boolean softcapped) {

    public Attribution {
        components = List.copyOf(components);
    }

    /** Components plus biases: equals {@link #logit} up to rounding. */
    public double total() {
        return components.stream().mapToDouble(ComponentScore::dla).sum() + biases;
    }

    public double dla(String component) {
        return components.stream().filter(c -> c.component().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + component)).dla();
    }

    /** The components by |dla|, largest first. */
    public List<ComponentScore> ranked() {
        return components.stream().sorted(Comparator.comparingDouble((ComponentScore c) -> -Math.abs(c.dla()))).toList();
    }
}
