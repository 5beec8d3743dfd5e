package dev.glassbox.interp.patching;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.names.Component;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerConfig.Positions;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard sweeps, each a list of {@link PatchTarget}s for the one engine. {@code pos_embed} is left
 * out for models without learned positions, where it is zero.
 */
public enum PatchGranularity {
    /** embed, pos_embed, blocks.L.attn, blocks.L.mlp, each at every position at once. */
    COMPONENT("component"),
    /** every blocks.L.attn.head.H at every position at once. */
    HEAD("head"),
    /** every blocks.L.mlp.neuron.N at every position at once. */
    NEURON("neuron"),
    /** embed, pos_embed, blocks.L.attn, blocks.L.mlp, each at each position: the layer x position heatmap. */
    LAYER_POSITION("layer-position"),
    /** every head at each position. */
    HEAD_POSITION("head-position"),
    /** the residual stream entering each block (blocks.L.resid_pre) at each position. */
    RESIDUAL_POSITION("resid-position");

    private final String label;

    PatchGranularity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PatchGranularity parse(String text) {
        for (PatchGranularity g : values()) if (g.label.equals(text)) return g;
        List<String> labels = new ArrayList<>();
        for (PatchGranularity g : values()) labels.add(g.label);
        throw new InvalidInputException("unknown granularity '" + text + "'; use one of " + String.join(", ", labels));
    }

    public List<PatchTarget> targets(TransformerConfig c, int positions) {
        List<Component> components = switch (this) {
            case COMPONENT, LAYER_POSITION -> sublayers(c);
            case HEAD, HEAD_POSITION -> heads(c);
            case NEURON -> neurons(c);
            case RESIDUAL_POSITION -> residuals(c);
        };
        boolean perPosition = this == LAYER_POSITION || this == HEAD_POSITION || this == RESIDUAL_POSITION;
        List<PatchTarget> targets = new ArrayList<>();
        for (Component component : components) {
            if (!perPosition) {
                targets.add(PatchTarget.everywhere(component));
            } else {
                for (int p = 0; p < positions; p++) targets.add(new PatchTarget(component, p));
            }
        }
        return targets;
    }

    private static List<Component> sublayers(TransformerConfig c) {
        List<Component> out = new ArrayList<>();
        out.add(Component.embed());
        if (c.positions() == Positions.LEARNED) out.add(Component.posEmbed());
        for (int l = 0; l < c.nLayers(); l++) {
            out.add(Component.attn(l));
            out.add(Component.mlp(l));
        }
        return out;
    }

    private static List<Component> heads(TransformerConfig c) {
        List<Component> out = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) for (int h = 0; h < c.nHeads(); h++) out.add(Component.head(l, h));
        return out;
    }

    private static List<Component> neurons(TransformerConfig c) {
        List<Component> out = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) for (int n = 0; n < c.dMlp(); n++) out.add(Component.neuron(l, n));
        return out;
    }

    private static List<Component> residuals(TransformerConfig c) {
        List<Component> out = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) out.add(new Component.ResidPre(l));
        return out;
    }
}
