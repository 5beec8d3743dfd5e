package dev.glassbox.interp.gradient;

import dev.glassbox.interp.patching.PatchingResult;
import java.util.List;

/**
 * Attribution patching's answer with its costs: the {@link PatchingResult} every patching method gives
 * (effects normalised like activation patching's; their raw metric is NaN, since no patched run was
 * made), the estimated change of the metric per cell, and the passes it took, counted.
 *
 * @param deltas per cell, in the order of the result's effects: the estimated metric of the patched run
 *     minus the metric of the unpatched one
 * @param forwardPasses whole forward passes run: 2 (the clean and the corrupt prompt)
 * @param backwardPasses backward passes run: 1 (through the run being patched)
 */
public record AttributionEstimate(PatchingResult result, List<Double> deltas, int forwardPasses, int backwardPasses) {
    public AttributionEstimate {
        deltas = List.copyOf(deltas);
    }
}
