package dev.glassbox.interp.names;

import dev.glassbox.core.Closest;
import dev.glassbox.interp.UnknownNameException;
import dev.glassbox.model.TransformerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and lists component names for one model's sizes (see {@link Component}). */
public final class ComponentNames {
    private static final Pattern BLOCK = Pattern.compile("blocks\\.(\\d{1,9})(?:\\.(.*))?");
    private static final Pattern HEAD = Pattern.compile("attn\\.head\\.(\\d{1,9})");
    private static final Pattern NEURON = Pattern.compile("mlp\\.neuron\\.(\\d{1,9})");
    private static final int SUGGESTIONS = 3;

    private final TransformerConfig config;

    public ComponentNames(TransformerConfig config) {
        this.config = config;
    }

    /**
     * The component a name stands for.
     *
     * @throws UnknownNameException when no component of this model has that name; the message names the
     *     closest ones (neurons are described by their range rather than listed)
     */
    public Component parse(String name) {
        Component c = tryParse(name.strip());
        if (c == null) {
            throw new UnknownNameException("component", name, Closest.to(name, listed(), SUGGESTIONS),
                    "components: embed, pos_embed, blocks.L, blocks.L.attn, blocks.L.attn.head.H, blocks.L.mlp,"
                            + " blocks.L.mlp.neuron.N, blocks.L.resid_pre with L < " + config.nLayers() + ", H < "
                            + config.nHeads() + ", N < " + config.dMlp());
        }
        return c;
    }

    private Component tryParse(String name) {
        if (name.equals("embed")) return Component.embed();
        if (name.equals("pos_embed")) return Component.posEmbed();
        Matcher block = BLOCK.matcher(name);
        if (!block.matches()) return null;
        int layer = Integer.parseInt(block.group(1));
        if (layer >= config.nLayers()) return null;
        String rest = block.group(2);
        if (rest == null) return new Component.Block(layer);
        if (rest.equals("attn")) return Component.attn(layer);
        if (rest.equals("mlp")) return Component.mlp(layer);
        if (rest.equals("resid_pre")) return new Component.ResidPre(layer);
        Matcher head = HEAD.matcher(rest);
        if (head.matches()) {
            int h = Integer.parseInt(head.group(1));
            return h < config.nHeads() ? Component.head(layer, h) : null;
        }
        Matcher neuron = NEURON.matcher(rest);
        if (neuron.matches()) {
            int n = Integer.parseInt(neuron.group(1));
            return n < config.dMlp() ? Component.neuron(layer, n) : null;
        }
        return null;
    }

    /** Every component but the neurons (too many to list for a real model): the candidates for suggestions. */
    public List<String> listed() {
        List<String> names = new ArrayList<>(List.of("embed", "pos_embed"));
        for (int l = 0; l < config.nLayers(); l++) {
            names.add("blocks." + l);
            names.add("blocks." + l + ".resid_pre");
            names.add("blocks." + l + ".attn");
            for (int h = 0; h < config.nHeads(); h++) names.add("blocks." + l + ".attn.head." + h);
            names.add("blocks." + l + ".mlp");
        }
        if (config.dMlp() > 0) names.add("blocks.0.mlp.neuron.0");
        return names;
    }
}
