package dev.glassbox.interp.selfrepair;

/**
 * One part's effects averaged over the prompts (see {@link ComponentRepair} for each term), with the
 * mean absolute direct effect to rank parts by.
 */
public record RepairSummary(Part part, double direct, double total, double attention, double mlp, double remainder,
        double meanAbsDirect) {

    /** The share of the direct effect that later layers make up: (attention + mlp) / direct. */
    public double compensatedFraction() {
        return (attention + mlp) / direct;
    }
}
