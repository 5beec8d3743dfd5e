package dev.glassbox.interp.patching;

import dev.glassbox.interp.names.Component;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookNames;
import java.util.List;

/** The activations that carry a component's output: what patching or ablating it replaces. */
public final class Sites {
    private Sites() {}

    public static List<Site> of(Component component, TransformerConfig c) {
        int d = c.dModel();
        return switch (component) {
            case Component.Embed e -> List.of(new Site(HookNames.EMBED, 0, d));
            case Component.PosEmbed e -> List.of(new Site(HookNames.POS_EMBED, 0, d));
            case Component.Head h -> List.of(new Site(HookNames.block(h.layer(), HookNames.Z), h.head() * c.dHead(), c.dHead()));
            case Component.Attn a -> List.of(attnOut(a.layer(), d));
            case Component.Mlp m -> List.of(mlpOut(m.layer(), d));
            case Component.Neuron n -> List.of(new Site(HookNames.block(n.layer(), HookNames.MLP_POST), n.neuron(), 1));
            case Component.Block b -> List.of(attnOut(b.layer(), d), mlpOut(b.layer(), d));
            case Component.ResidPre r -> List.of(new Site(HookNames.block(r.layer(), HookNames.RESID_PRE), 0, d));
        };
    }

    private static Site attnOut(int layer, int d) {
        return new Site(HookNames.block(layer, HookNames.ATTN_OUT), 0, d);
    }

    private static Site mlpOut(int layer, int d) {
        return new Site(HookNames.block(layer, HookNames.MLP_OUT), 0, d);
    }
}
