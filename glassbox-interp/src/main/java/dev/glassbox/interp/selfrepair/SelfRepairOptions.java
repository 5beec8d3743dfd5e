package dev.glassbox.interp.selfrepair;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.lens.NormScale;

/**
 * How a self-repair analysis ablates and reads.
 *
 * @param ablation how each component is knocked out (resample by default, as McGrath et al. do)
 * @param scale the final norm's scale for direct effects: {@link NormScale#FROZEN} (default, the paper's
 *     choice) reads every run, ablated ones included, with the clean run's scale, so direct effects are
 *     linear in the residual stream and whatever the scale change does is reported apart as the remainder;
 *     {@link NormScale#RECOMPUTED} reads each run with its own scale
 * @param samples resample sources per prompt (the other prompts of the same token length, in file order
 *     after it); the mean over them is reported. Ignored for zero ablation.
 * @param position where the target is read, or null for each prompt's last position
 */
public record SelfRepairOptions(AblationKind ablation, NormScale scale, int samples, Integer position) {
    public SelfRepairOptions {
        if (samples < 1) throw new InvalidInputException("--samples " + samples + " must be at least 1");
    }

    public static SelfRepairOptions defaults() {
        return new SelfRepairOptions(AblationKind.RESAMPLE, NormScale.FROZEN, 3, null);
    }

    public SelfRepairOptions withAblation(AblationKind kind) {
        return new SelfRepairOptions(kind, scale, samples, position);
    }

    public SelfRepairOptions withScale(NormScale s) {
        return new SelfRepairOptions(ablation, s, samples, position);
    }

    public SelfRepairOptions withSamples(int n) {
        return new SelfRepairOptions(ablation, scale, n, position);
    }

    public SelfRepairOptions withPosition(Integer p) {
        return new SelfRepairOptions(ablation, scale, samples, p);
    }
}
