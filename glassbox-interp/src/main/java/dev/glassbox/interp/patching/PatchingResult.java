package dev.glassbox.interp.patching;

import java.util.List;

/**
 * A patching sweep's answer, whatever method produced it ({@link PatchingMethod}): the same record for
 * activation patching, path patching and (from {@code dev.glassbox.interp.gradient}) attribution
 * patching, so reports and JSON treat them alike.
 *
 * @param method "activation", "path to RECEIVER", "attribution", ...
 * @param granularity the sweep's label ("component", "layer-position", ...)
 * @param metric what was measured, in words
 * @param forwardPasses whole forward passes the method ran (counted, not estimated)
 * @param forwardPassesNeeded the least a sweep of its kind needs: one run per cell plus the clean and the
 *     corrupt run
 * @param positions the patched prompt's token labels, for the position axis of reports
 */
public record PatchingResult(String method, Direction direction, String granularity, String metric,
        double cleanMetric, double corruptMetric, List<PatchEffect> effects, int forwardPasses,
        int forwardPassesNeeded, List<String> cleanTokens, List<String> corruptTokens) {

    public PatchingResult {
        effects = List.copyOf(effects);
        cleanTokens = List.copyOf(cleanTokens);
        corruptTokens = List.copyOf(corruptTokens);
    }

    /** The effect of a component at a position (null: every position). */
    public double effect(String component, Integer position) {
        return effects.stream()
                .filter(e -> e.component().equals(component) && java.util.Objects.equals(e.position(), position))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + component + " @ " + position))
                .effect();
    }

    /** Forward passes taken over the least needed. */
    public double passRatio() {
        return forwardPasses / (double) forwardPassesNeeded;
    }
}
