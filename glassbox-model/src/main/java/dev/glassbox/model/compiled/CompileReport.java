package dev.glassbox.model.compiled;

import java.util.List;

/**
 * What the compiler did, kept with the model: the sizes of what is actually used per layer (the
 * assembled weights are padded to the largest head count, head width and MLP width), and where each
 * RASP expression was placed.
 *
 * @param mode "default" or "tracr" (the original compiler's behaviour, for comparison)
 * @param headsPerLayer attention heads used in each layer (0 for an unused attention sublayer)
 * @param mlpHiddenPerLayer hidden units used in each layer's MLP (0 when unused)
 * @param placements every compiled expression: its label, kind, encoding and sublayer
 */
public record CompileReport(String mode, boolean causal, List<Integer> headsPerLayer, List<Integer> mlpHiddenPerLayer,
        List<Placement> placements) {

    public CompileReport {
        headsPerLayer = List.copyOf(headsPerLayer);
        mlpHiddenPerLayer = List.copyOf(mlpHiddenPerLayer);
        placements = List.copyOf(placements);
    }

    /**
     * One expression's place in the model. {@code sublayer} counts attention and MLP sublayers
     * together: 2L is layer L's attention, 2L+1 its MLP (Tracr's layer_allocation convention); -1 marks
     * an S-Op that has no block because it is read as a linear function of other S-Ops' directions.
     */
    public record Placement(String label, String kind, String encoding, int sublayer) {}

    public int numLayers() {
        return headsPerLayer.size();
    }
}
