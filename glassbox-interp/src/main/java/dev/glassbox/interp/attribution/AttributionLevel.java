package dev.glassbox.interp.attribution;

import dev.glassbox.core.InvalidInputException;

/** How finely direct logit attribution splits the model. */
public enum AttributionLevel {
    /** embed, pos_embed, blocks.L.attn, blocks.L.mlp */
    LAYER,
    /** embed, pos_embed, blocks.L.attn.head.H, blocks.L.mlp */
    HEAD,
    /** embed, pos_embed, blocks.L.attn.head.H, blocks.L.mlp.neuron.N */
    NEURON;

    public static AttributionLevel parse(String text) {
        return switch (text) {
            case "layer" -> LAYER;
            case "head" -> HEAD;
            case "neuron" -> NEURON;
            default -> throw new InvalidInputException("unknown granularity '" + text + "'; use layer, head or neuron");
        };
    }
}
