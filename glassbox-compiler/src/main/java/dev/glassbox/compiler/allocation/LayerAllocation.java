package dev.glassbox.compiler.allocation;

import dev.glassbox.compiler.craft.CraftProgram;
import dev.glassbox.compiler.craft.NodeCraft;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fourth stage: which sublayer each block goes to.
 *
 * <p>Default mode: as soon as possible. A head goes to the first attention sublayer after everything it
 * reads is written, an MLP to the first MLP sublayer after that; a linear view is ready when its inputs
 * are. This is the least number of layers any schedule can have (it follows the longest chain of blocks),
 * and it never leaves a sublayer unused where the chain allows one to be used.
 *
 * <p>Compat mode: the original's rule. Each S-Op's depth is the longest path from tokens or indices
 * counted in S-Ops, and depth d goes to layer d-1 (its attention or MLP sublayer); only when a depth holds
 * nothing but heads and the next nothing but MLPs are the two merged into one layer. So an MLP reading
 * only a head of depth d that shares its depth with an MLP waits a whole layer for nothing. Finally, as in
 * the original's assembly, blocks are moved down over sublayers that hold nothing.
 */
public final class LayerAllocation {
    private LayerAllocation() {}

    public static Allocation allocate(CraftProgram craft) {
        TreeMap<Integer, List<SOp>> bySublayer = craft.options().isCompat() ? tracr(craft) : asSoonAsPossible(craft);
        return compact(craft, bySublayer);
    }

    private static TreeMap<Integer, List<SOp>> asSoonAsPossible(CraftProgram craft) {
        IdentityHashMap<RaspExpr, Integer> ready = new IdentityHashMap<>();
        TreeMap<Integer, List<SOp>> out = new TreeMap<>();
        for (RaspExpr e : craft.graph().topological()) {
            int inputs = -1;
            for (RaspExpr c : e.children()) inputs = Math.max(inputs, ready.get(c));
            if (!(e instanceof SOp sop)) {
                ready.put(e, inputs);
                continue;
            }
            NodeCraft c = craft.craft(sop);
            int at = switch (c) {
                case NodeCraft.Embedded x -> -1;
                case NodeCraft.View x -> inputs;
                case NodeCraft.Attention x -> nextOfParity(inputs, 0);
                case NodeCraft.Mlp x -> nextOfParity(inputs, 1);
                case NodeCraft.AttentionThenMlp x -> nextOfParity(inputs, 0);
            };
            if (c instanceof NodeCraft.Attention || c instanceof NodeCraft.Mlp || c instanceof NodeCraft.AttentionThenMlp) {
                out.computeIfAbsent(at, k -> new ArrayList<>()).add(sop);
            }
            ready.put(e, c instanceof NodeCraft.AttentionThenMlp ? at + 1 : at);
        }
        return out;
    }

    /** The smallest sublayer after {@code after} that is an attention (parity 0) or MLP (parity 1) sublayer. */
    private static int nextOfParity(int after, int parity) {
        int s = after + 1;
        return Math.floorMod(s, 2) == parity ? s : s + 1;
    }

    private static TreeMap<Integer, List<SOp>> tracr(CraftProgram craft) {
        ProgramGraph graph = craft.graph();
        // longest path from the sources, counting S-Ops (selectors add nothing)
        IdentityHashMap<RaspExpr, Integer> depth = new IdentityHashMap<>();
        for (RaspExpr e : graph.topological()) {
            int d = 0;
            for (RaspExpr c : e.children()) d = Math.max(d, depth.get(c) + (e instanceof SOp ? 1 : 0));
            depth.put(e, d);
        }
        // model components in the original's node order, grouped by depth
        List<SOp> components = new ArrayList<>();
        for (RaspExpr e : graph.breadthFirst()) {
            if (e instanceof SOp s && !(craft.craft(s) instanceof NodeCraft.Embedded)) components.add(s);
        }
        IdentityHashMap<SOp, Integer> nodeDepth = new IdentityHashMap<>();
        TreeMap<Integer, List<SOp>> byDepth = new TreeMap<>();
        for (SOp s : components) {
            nodeDepth.put(s, depth.get(s));
            byDepth.computeIfAbsent(depth.get(s), k -> new ArrayList<>()).add(s);
        }
        if (components.isEmpty()) return new TreeMap<>();
        int minDepth = byDepth.firstKey(), maxDepth = byDepth.lastKey();
        for (int d = minDepth; d < maxDepth; d++) {
            if (all(craft, byDepth.get(d), true) && all(craft, byDepth.get(d + 1), false)) {
                for (int u = d + 1; u <= maxDepth; u++) {
                    List<SOp> moving = byDepth.getOrDefault(u, List.of());
                    for (SOp s : moving) nodeDepth.put(s, u - 1);
                    byDepth.computeIfAbsent(u - 1, k -> new ArrayList<>()).addAll(moving);
                    byDepth.put(u, new ArrayList<>());
                }
                maxDepth--;
            }
        }
        // depth 1 → layer 0, depth 2 → layer 1, ...; a stable sort by depth keeps the node order
        List<SOp> byIncreasingDepth = new ArrayList<>(components);
        byIncreasingDepth.sort((a, b) -> Integer.compare(nodeDepth.get(a), nodeDepth.get(b)));
        TreeMap<Integer, List<SOp>> out = new TreeMap<>();
        int currentLayer = 0, currentDepth = 1;
        for (SOp s : byIncreasingDepth) {
            int d = nodeDepth.get(s);
            while (d > currentDepth) {
                currentDepth++;
                currentLayer += 2;
            }
            if (d != currentDepth) continue; // the original drops it too (it cannot happen for depth ≥ 1)
            NodeCraft c = craft.craft(s);
            int at = currentLayer + (c instanceof NodeCraft.Mlp ? 1 : 0);
            out.computeIfAbsent(at, k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** Whether every node is a plain head (attn) or a plain MLP; an empty list counts, as in the original. */
    private static boolean all(CraftProgram craft, List<SOp> nodes, boolean heads) {
        if (nodes == null) return true;
        for (SOp s : nodes) {
            NodeCraft c = craft.craft(s);
            if (heads ? !(c instanceof NodeCraft.Attention) : !(c instanceof NodeCraft.Mlp)) return false;
        }
        return true;
    }

    /**
     * Places the blocks, moving each down over sublayers that hold nothing (the original's assembly gives
     * each block the next free module of its kind), and lists heads and MLPs per layer.
     */
    private static Allocation compact(CraftProgram craft, TreeMap<Integer, List<SOp>> bySublayer) {
        TreeSet<Integer> used = new TreeSet<>();
        bySublayer.forEach((s, nodes) -> {
            for (SOp sop : nodes) {
                used.add(s);
                if (craft.craft(sop) instanceof NodeCraft.AttentionThenMlp) used.add(s + 1);
            }
        });
        TreeMap<Integer, Integer> moved = new TreeMap<>();
        int candidate = 0;
        for (int s : used) {
            while (Math.floorMod(candidate, 2) != Math.floorMod(s, 2)) candidate++;
            moved.put(s, candidate++);
        }
        int layers = used.isEmpty() ? 1 : moved.lastEntry().getValue() / 2 + 1;
        List<List<SOp>> heads = new ArrayList<>(), mlps = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            heads.add(new ArrayList<>());
            mlps.add(new ArrayList<>());
        }
        IdentityHashMap<SOp, Integer> sublayer = new IdentityHashMap<>();
        // heads and MLPs in each sublayer keep the allocation's order
        for (var entry : bySublayer.entrySet()) {
            int s = moved.get(entry.getKey());
            for (SOp sop : entry.getValue()) {
                sublayer.put(sop, s);
                NodeCraft c = craft.craft(sop);
                if (c instanceof NodeCraft.Mlp) mlps.get(s / 2).add(sop);
                else heads.get(s / 2).add(sop);
            }
        }
        for (var entry : bySublayer.entrySet()) {
            for (SOp sop : entry.getValue()) {
                if (craft.craft(sop) instanceof NodeCraft.AttentionThenMlp) {
                    int m = moved.get(entry.getKey() + 1);
                    mlps.get(m / 2).add(sop);
                }
            }
        }
        return new Allocation(sublayer, heads, mlps);
    }
}
