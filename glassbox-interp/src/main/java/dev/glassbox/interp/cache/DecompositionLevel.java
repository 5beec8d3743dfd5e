package dev.glassbox.interp.cache;

/** How finely the residual stream is split into the components that wrote it. */
public enum DecompositionLevel {
    /** embed, pos_embed, blocks.L.attn, blocks.L.mlp (each sublayer's output, biases included). */
    LAYER,
    /** embed, pos_embed, blocks.L.attn.head.H, blocks.L.attn.bias, blocks.L.mlp. */
    HEAD;

    public static DecompositionLevel parse(String text) {
        return switch (text) {
            case "layer" -> LAYER;
            case "head" -> HEAD;
            default -> throw new dev.glassbox.core.InvalidInputException(
                    "unknown decomposition level '" + text + "'; use layer or head");
        };
    }
}
