package dev.glassbox.interp.patching;

/**
 * One cell's result.
 *
 * @param position the patched position, or null when every position was patched
 * @param effect the normalised effect (see {@link Direction}): 1 fully restored (denoising) or destroyed
 *     (noising), 0 no change
 * @param metric the patched run's raw metric (NaN for estimates that do not run the model)
 */
public record PatchEffect(String component, Integer position, double effect, double metric) {}
