package dev.glassbox.interp.patching;

import dev.glassbox.core.Closest;
import dev.glassbox.interp.UnknownNameException;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of a path in path patching: an input of a later component, patched with the value it has when
 * only the path from the sender carries the source activation.
 */
public sealed interface Receiver {

    String name();

    /** The site that carries the receiver's input; null for the logits, read straight from the run. */
    Site site(TransformerConfig c);

    /**
     * A head's query, key or value input ({@code blocks.L.attn.head.H.q|k|v}). With grouped queries, a key
     * or value input is shared by the heads of its group, which are then patched together.
     */
    record HeadInput(int layer, int head, char input) implements Receiver {
        public String name() {
            return "blocks." + layer + ".attn.head." + head + "." + input;
        }

        public Site site(TransformerConfig c) {
            if (input == 'q') return new Site(HookNames.block(layer, HookNames.Q), head * c.dHead(), c.dHead());
            int group = head / c.groupSize();
            String hook = HookNames.block(layer, input == 'k' ? HookNames.K : HookNames.V);
            return new Site(hook, group * c.dHead(), c.dHead());
        }
    }

    /** An MLP's input ({@code blocks.L.mlp}): the normalised residual stream it reads. */
    record MlpInput(int layer) implements Receiver {
        public String name() {
            return "blocks." + layer + ".mlp";
        }

        public Site site(TransformerConfig c) {
            return new Site(HookNames.block(layer, HookNames.LN2_NORMALIZED), 0, c.dModel());
        }
    }

    /** The logits: the sender's direct effect on the output. */
    record Logits() implements Receiver {
        public String name() {
            return "logits";
        }

        public Site site(TransformerConfig c) {
            return null;
        }
    }

    Pattern HEAD = Pattern.compile("blocks\\.(\\d{1,9})\\.attn\\.head\\.(\\d{1,9})\\.([qkv])");
    Pattern MLP = Pattern.compile("blocks\\.(\\d{1,9})\\.mlp");

    static Receiver parse(String name, TransformerConfig c) {
        if (name.equals("logits")) return new Logits();
        Matcher head = HEAD.matcher(name);
        if (head.matches()) {
            int l = Integer.parseInt(head.group(1)), h = Integer.parseInt(head.group(2));
            if (l < c.nLayers() && h < c.nHeads()) return new HeadInput(l, h, head.group(3).charAt(0));
        }
        Matcher mlp = MLP.matcher(name);
        if (mlp.matches() && Integer.parseInt(mlp.group(1)) < c.nLayers()) return new MlpInput(Integer.parseInt(mlp.group(1)));
        List<String> valid = new ArrayList<>(List.of("logits"));
        for (int l = 0; l < c.nLayers(); l++) {
            for (int h = 0; h < c.nHeads(); h++) for (char x : "qkv".toCharArray()) valid.add(new HeadInput(l, h, x).name());
            valid.add(new MlpInput(l).name());
        }
        throw new UnknownNameException("receiver", name, Closest.to(name, valid, 3),
                "receivers: logits, blocks.L.mlp, blocks.L.attn.head.H.q|k|v");
    }
}
