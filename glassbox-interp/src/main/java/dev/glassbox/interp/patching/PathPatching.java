package dev.glassbox.interp.patching;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.names.Component;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Path patching (Wang et al. 2022; Goldowsky-Dill et al. 2023): the effect of a sender on the metric
 * through one receiver only. With P the patched prompt's run and S the source run:
 * <pre>
 *   1. run P with the sender's output taken from S and every other head (and, by default, MLP) frozen to
 *      its value in P, so the change reaches later layers only along direct residual paths;
 *      cache the receiver's input there
 *   2. run P with only the receiver's input replaced by that cached value; measure
 * </pre>
 * For the logits as receiver, step 1's own output is the answer. Freezing components before the sender
 * changes nothing (their inputs do not change), so every other head and MLP is simply frozen.
 */
public final class PathPatching {
    private PathPatching() {}

    /**
     * One path per sender into {@code receiver}.
     *
     * @param freezeMlps freeze MLPs too (only direct paths); false lets MLPs recompute, so paths through
     *     MLPs count as part of the sender's effect
     */
    public static PatchingResult run(PatchingProblem problem, List<Component> senders, Receiver receiver, boolean freezeMlps) {
        Transformer model = problem.model().transformer();
        TransformerConfig c = model.config();
        for (Component s : senders) checkOrder(s, receiver);
        Set<String> sourceHooks = new LinkedHashSet<>();
        for (Component s : senders) Sites.of(s, c).forEach(site -> sourceHooks.add(site.hook()));
        Set<String> frozenHooks = new LinkedHashSet<>();
        for (int l = 0; l < c.nLayers(); l++) {
            frozenHooks.add(HookNames.block(l, HookNames.Z));
            frozenHooks.add(HookNames.block(l, HookNames.MLP_OUT));
        }
        ForwardCounter counter = new ForwardCounter(model);
        Baselines base = Baselines.run(counter, problem, sourceHooks, frozenHooks);
        int[] tokens = problem.patched().tokens();
        Site receiverSite = receiver.site(c);

        List<PatchEffect> effects = new ArrayList<>();
        for (Component sender : senders) {
            List<Patch> patches = new ArrayList<>(freezes(c, sender, base.patched(), freezeMlps));
            for (Site site : Sites.of(sender, c)) patches.add(new Patch(site, null, base.source().cache().get(site.hook())));
            float[][] logits;
            if (receiverSite == null) {
                logits = runPatched(counter, tokens, patches);
            } else {
                HookRegistry registry = model.newHooks();
                CachedRun alongPath;
                try (HookHandle ignored = PatchHooks.install(registry, patches)) {
                    alongPath = counter.runWithCache(tokens, registry, receiverSite.hook()::equals);
                }
                Patch receiverPatch = new Patch(receiverSite, null, alongPath.cache().get(receiverSite.hook()));
                logits = runPatched(counter, tokens, List.of(receiverPatch));
            }
            double m = base.metric().measure(logits);
            effects.add(new PatchEffect(sender.name(), null, problem.direction().normalise(m, base.clean(), base.corrupt()), m));
        }
        int needed = senders.size() * (receiverSite == null ? 1 : 2) + 2;
        return new PatchingResult("path to " + receiver.name(), problem.direction(), "sender", base.metric().description(),
                base.clean(), base.corrupt(), effects, counter.passes(), needed, problem.clean().labels(),
                problem.corrupt().labels());
    }

    /** Every head's z and (when asked) every MLP's output held at the patched run's value, except the sender's own. */
    private static List<Patch> freezes(TransformerConfig c, Component sender, CachedRun patched, boolean freezeMlps) {
        List<Patch> out = new ArrayList<>();
        for (int l = 0; l < c.nLayers(); l++) {
            String z = HookNames.block(l, HookNames.Z);
            for (int h = 0; h < c.nHeads(); h++) {
                boolean own = sender instanceof Component.Head s && s.layer() == l && s.head() == h
                        || (sender instanceof Component.Attn || sender instanceof Component.Block) && sender.layer() == l;
                if (!own) out.add(new Patch(new Site(z, h * c.dHead(), c.dHead()), null, patched.cache().get(z)));
            }
            boolean ownMlp = (sender instanceof Component.Mlp || sender instanceof Component.Neuron
                    || sender instanceof Component.Block) && sender.layer() == l;
            if (freezeMlps && !ownMlp) {
                String mlp = HookNames.block(l, HookNames.MLP_OUT);
                out.add(new Patch(new Site(mlp, 0, c.dModel()), null, patched.cache().get(mlp)));
            }
        }
        return out;
    }

    private static float[][] runPatched(ForwardCounter counter, int[] tokens, List<Patch> patches) {
        HookRegistry registry = counter.model().newHooks();
        try (HookHandle ignored = PatchHooks.install(registry, patches)) {
            return counter.forward(tokens, registry);
        }
    }

    /** A path runs forward: the receiver must read the residual stream after the sender has written it. */
    private static void checkOrder(Component sender, Receiver receiver) {
        if (sender instanceof Component.ResidPre) {
            throw new InvalidInputException("a sender writes to the residual stream; " + sender.name() + " is the stream itself");
        }
        boolean writesBeforeAttn = sender.layer() >= 0;  // embeddings come before everything
        int senderEnd = switch (sender) {
            // the index of the sublayer after which the sender's output is in the stream: 2L attn, 2L+1 mlp
            case Component.Head h -> 2 * h.layer();
            case Component.Attn a -> 2 * a.layer();
            case Component.Mlp m -> 2 * m.layer() + 1;
            case Component.Neuron n -> 2 * n.layer() + 1;
            case Component.Block b -> 2 * b.layer() + 1;
            default -> -1;
        };
        int receiverReads = switch (receiver) {
            case Receiver.HeadInput h -> 2 * h.layer();      // reads the stream entering attention L
            case Receiver.MlpInput m -> 2 * m.layer() + 1;   // reads the stream entering MLP L
            case Receiver.Logits l -> Integer.MAX_VALUE;
        };
        if (writesBeforeAttn && senderEnd >= receiverReads) {
            throw new InvalidInputException("sender " + sender.name() + " does not come before receiver " + receiver.name()
                    + ": a path runs forward, from a component to one that reads the residual stream after it");
        }
    }
}
