package dev.glassbox.interp.circuits;

/**
 * The change when a head reads one input through its top-k singular subspace.
 *
 * @param change of the model's logits
 * @param headChange the largest |change| of the head's own output (its slice of {@code hook_result}): zero
 *     when the head computes the same thing, whatever later layers make of it
 */
public record CompressionPoint(int k, OutputChange change, double headChange) {}
