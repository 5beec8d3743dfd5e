package dev.glassbox.interp.patching;

/**
 * A way to estimate patching effects over a standard sweep. {@link ActivationPatching} runs the model
 * once per cell; attribution patching (package {@code dev.glassbox.interp.gradient}) estimates every cell
 * from one backward pass. Implementations are found by {@link PatchingMethods#named}: the built-in one,
 * then any listed in {@code META-INF/services/dev.glassbox.interp.patching.PatchingMethod}.
 */
public interface PatchingMethod {

    /** The method's name on the command line: "activation", "attribution". */
    String name();

    PatchingResult sweep(PatchingProblem problem, PatchGranularity granularity);
}
