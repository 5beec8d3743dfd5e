package dev.glassbox.rasp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A unique, readable label for every expression of one program, decided by the program alone (no
 * global counters): a user's name when no other expression has it; otherwise the name or default
 * name with a number, {@code map_1}, {@code map_2}, in breadth-first order from the output.
 * {@code tokens} and {@code indices} are always labelled so.
 */
public final class Labels {
    private final IdentityHashMap<RaspExpr, String> labels;
    private final List<RaspExpr> order;

    private Labels(IdentityHashMap<RaspExpr, String> labels, List<RaspExpr> order) {
        this.labels = labels;
        this.order = order;
    }

    public static Labels forProgram(RaspExpr program) {
        List<RaspExpr> order = breadthFirst(program);
        java.util.Map<String, Integer> uses = new HashMap<>();
        for (RaspExpr e : order) uses.merge(baseName(e), 1, Integer::sum);
        java.util.Map<String, Integer> counters = new HashMap<>();
        IdentityHashMap<RaspExpr, String> labels = new IdentityHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (RaspExpr e : order) {
            String base = baseName(e);
            if (e instanceof Tokens || e instanceof Indices || (e.name() != null && uses.get(base) == 1)) {
                labels.put(e, base);
                taken.add(base);
            }
        }
        for (RaspExpr e : order) {
            if (labels.containsKey(e)) continue;
            String base = baseName(e), label;
            do {
                label = base + "_" + counters.merge(base, 1, Integer::sum);
            } while (taken.contains(label));
            taken.add(label);
            labels.put(e, label);
        }
        return new Labels(labels, Collections.unmodifiableList(order));
    }

    private static String baseName(RaspExpr e) {
        return e.name() != null ? e.name() : e.defaultName();
    }

    /** Every expression of the program, each once, breadth-first from the output. */
    public static List<RaspExpr> breadthFirst(RaspExpr program) {
        List<RaspExpr> order = new ArrayList<>();
        IdentityHashMap<RaspExpr, Boolean> seen = new IdentityHashMap<>();
        Deque<RaspExpr> queue = new ArrayDeque<>();
        queue.add(program);
        seen.put(program, true);
        while (!queue.isEmpty()) {
            RaspExpr e = queue.poll();
            order.add(e);
            for (RaspExpr c : e.children()) {
                if (seen.put(c, true) == null) queue.add(c);
            }
        }
        return order;
    }

    public String labelOf(RaspExpr e) {
        String label = labels.get(e);
        if (label == null) throw new IllegalArgumentException("expression " + e + " is not part of this program");
        return label;
    }

    /** The expressions in breadth-first order from the output. */
    public List<RaspExpr> expressions() {
        return order;
    }

    /** Label → expression, in breadth-first order. */
    public java.util.Map<String, RaspExpr> byLabel() {
        java.util.Map<String, RaspExpr> out = new LinkedHashMap<>();
        for (RaspExpr e : order) out.put(labels.get(e), e);
        return out;
    }
}
