package dev.glassbox.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.model.TransformerConfig;
import java.util.Locale;

/** {@link TransformerConfig} to and from the JSON of a model file's {@code glassbox.config} key. */
final class ConfigJson {
    private ConfigJson() {}

    static ObjectNode write(TransformerConfig c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("architecture", c.architecture());
        o.put("d_model", c.dModel());
        o.put("n_layers", c.nLayers());
        o.put("n_heads", c.nHeads());
        o.put("n_kv_heads", c.nKvHeads());
        o.put("d_head", c.dHead());
        o.put("d_mlp", c.dMlp());
        o.put("vocab_size", c.vocabSize());
        o.put("context_length", c.contextLength());
        o.put("norm", c.norm().name().toLowerCase(Locale.ROOT));
        o.put("norm_eps", c.normEps());
        o.put("activation", c.activation().name().toLowerCase(Locale.ROOT));
        o.put("gated_mlp", c.gatedMlp());
        o.put("positions", c.positions().name().toLowerCase(Locale.ROOT));
        o.put("rope_theta", c.ropeTheta());
        o.put("causal", c.causal());
        o.put("attn_scale", c.attnScale());
        o.put("attn_softcap", c.attnSoftcap());
        o.put("final_softcap", c.finalSoftcap());
        o.put("sliding_window", c.slidingWindow());
        o.put("sliding_layers", c.slidingLayers().name().toLowerCase(Locale.ROOT));
        o.put("embed_scale", c.embedScale());
        o.put("post_norms", c.postNorms());
        return o;
    }

    static TransformerConfig read(JsonNode o, MetadataReader r) {
        try {
            return new TransformerConfig(
                    r.text(o, "architecture"), r.integer(o, "d_model"), r.integer(o, "n_layers"), r.integer(o, "n_heads"),
                    r.integer(o, "n_kv_heads"), r.integer(o, "d_head"), r.integer(o, "d_mlp"), r.integer(o, "vocab_size"),
                    r.integer(o, "context_length"), r.enumValue(o, "norm", TransformerConfig.Norm.class),
                    r.number(o, "norm_eps"), r.enumValue(o, "activation", TransformerConfig.Activation.class),
                    r.bool(o, "gated_mlp"), r.enumValue(o, "positions", TransformerConfig.Positions.class),
                    r.number(o, "rope_theta"), r.bool(o, "causal"), r.number(o, "attn_scale"), r.number(o, "attn_softcap"),
                    r.number(o, "final_softcap"), r.integer(o, "sliding_window"),
                    r.enumValue(o, "sliding_layers", TransformerConfig.SlidingLayers.class), r.number(o, "embed_scale"),
                    r.bool(o, "post_norms"));
        } catch (IllegalArgumentException e) {
            throw r.error("glassbox.config", e.getMessage());
        }
    }
}
