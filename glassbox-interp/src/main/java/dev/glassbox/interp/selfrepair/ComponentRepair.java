package dev.glassbox.interp.selfrepair;

/**
 * One part ablated on one prompt (the mean over its resample sources). Effects are "clean minus ablated"
 * on the target's centred logit, so positive means the part pushed towards the clean answer:
 * <pre>
 *   total      = logit(clean) - logit(ablated)                          the model's own output
 *   direct     = DE_i(clean) - DE_i(ablated)                            the part's own read-out
 *   change_j   = DE_j(ablated) - DE_j(clean)                            every part j (the layer x layer matrix)
 *   attention  = sum of change_j over later attention sublayers         the Hydra effect
 *   mlp        = sum of change_j over later MLPs                        reduced erasure
 *   total      = direct - attention - mlp + remainder
 * </pre>
 * With the final norm's scale frozen, upstream parts cannot change (the model is causal) and the remainder
 * is exactly what the change of the norm's scale does; without a final norm it is 0.
 *
 * @param changes change_j for every part j of {@link SelfRepairResult#parts()}, in that order
 */
public record ComponentRepair(Part part, double direct, double total, double attention, double mlp,
        double remainder, double[] changes) {

    public ComponentRepair {
        changes = changes.clone();
    }

    @Override
    public double[] changes() {
        return changes.clone();
    }

    double change(int j) {
        return changes[j];
    }

    /** Compensation by later components: direct - total + remainder = attention + mlp. */
    public double compensation() {
        return attention + mlp;
    }
}
