package dev.glassbox.interp.names;

/**
 * A part of the model that writes into the residual stream (or, for {@link ResidPre}, the residual
 * stream itself), named as scripts and reports name it:
 * <pre>
 *   embed                      token embedding            (hook_embed)
 *   pos_embed                  learned positions          (hook_pos_embed)
 *   blocks.L.attn.head.H       one attention head         (blocks.L.attn.hook_z, head H)
 *   blocks.L.attn              the attention sublayer     (blocks.L.hook_attn_out)
 *   blocks.L.mlp               the MLP sublayer           (blocks.L.hook_mlp_out)
 *   blocks.L.mlp.neuron.N      one MLP neuron             (blocks.L.mlp.hook_post, unit N)
 *   blocks.L                   the whole block: attn and mlp together
 *   blocks.L.resid_pre         the residual stream entering block L
 * </pre>
 * {@link ComponentNames#parse} turns a name back into a component, checked against a model's sizes.
 */
public sealed interface Component {

    /** The component's name, as above. */
    String name();

    /** The block the component belongs to; -1 for the embeddings. */
    int layer();

    record Embed() implements Component {
        public String name() { return "embed"; }
        public int layer() { return -1; }
    }

    record PosEmbed() implements Component {
        public String name() { return "pos_embed"; }
        public int layer() { return -1; }
    }

    record Head(int layer, int head) implements Component {
        public String name() { return "blocks." + layer + ".attn.head." + head; }
    }

    record Attn(int layer) implements Component {
        public String name() { return "blocks." + layer + ".attn"; }
    }

    record Mlp(int layer) implements Component {
        public String name() { return "blocks." + layer + ".mlp"; }
    }

    record Neuron(int layer, int neuron) implements Component {
        public String name() { return "blocks." + layer + ".mlp.neuron." + neuron; }
    }

    record Block(int layer) implements Component {
        public String name() { return "blocks." + layer; }
    }

    record ResidPre(int layer) implements Component {
        public String name() { return "blocks." + layer + ".resid_pre"; }
    }

    static Component embed() { return new Embed(); }

    static Component posEmbed() { return new PosEmbed(); }

    static Component head(int layer, int head) { return new Head(layer, head); }

    static Component attn(int layer) { return new Attn(layer); }

    static Component mlp(int layer) { return new Mlp(layer); }

    static Component neuron(int layer, int neuron) { return new Neuron(layer, neuron); }
}
