package dev.glassbox.compiler.graph;

import dev.glassbox.rasp.Labels;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The first stage: a RASP program as a graph of its expressions, each node one expression compared by
 * identity (never by name, so two expressions that share a name stay two nodes), an edge from every
 * expression to each expression that reads it.
 *
 * <p>Two orders are kept: {@linkplain #topological() inputs before readers} (how later stages walk the
 * graph) and {@linkplain #breadthFirst() breadth-first from the output} (the order in which the original
 * compiler created its nodes, which decides the order of heads and neurons in its layers).
 */
public final class ProgramGraph {
    private final SOp output;
    private final Labels labels;
    private final List<RaspExpr> topological;
    private final List<RaspExpr> breadthFirst;
    private final IdentityHashMap<RaspExpr, List<RaspExpr>> readers;

    private ProgramGraph(SOp output) {
        this.output = output;
        this.labels = Labels.forProgram(output);
        this.breadthFirst = labels.expressions();
        this.topological = Collections.unmodifiableList(postOrder(output));
        this.readers = new IdentityHashMap<>();
        for (RaspExpr e : topological) readers.put(e, new ArrayList<>());
        for (RaspExpr e : topological) {
            for (RaspExpr child : distinctChildren(e)) readers.get(child).add(e);
        }
    }

    /** Builds the graph of {@code program}: every expression it reads, directly or not. */
    public static ProgramGraph extract(SOp program) {
        if (program == null) throw new IllegalArgumentException("program is null");
        return new ProgramGraph(program);
    }

    public SOp output() {
        return output;
    }

    /** The program's unique, readable labels ({@code length}, {@code map_3}, ...). */
    public Labels labels() {
        return labels;
    }

    public String label(RaspExpr e) {
        return labels.labelOf(e);
    }

    /** The kind of an expression as users know it: {@code Map}, {@code Aggregate}, {@code SelectorWidth}, ... */
    public static String kind(RaspExpr e) {
        return e.getClass().getSimpleName();
    }

    /** Every expression, each after all it reads. */
    public List<RaspExpr> topological() {
        return topological;
    }

    /** The S-Ops in topological order. */
    public List<SOp> sops() {
        List<SOp> out = new ArrayList<>();
        for (RaspExpr e : topological) if (e instanceof SOp s) out.add(s);
        return out;
    }

    /** The selectors in topological order. */
    public List<Selector> selectors() {
        List<Selector> out = new ArrayList<>();
        for (RaspExpr e : topological) if (e instanceof Selector s) out.add(s);
        return out;
    }

    /** Every expression breadth-first from the output (the original compiler's node order). */
    public List<RaspExpr> breadthFirst() {
        return breadthFirst;
    }

    /** The expressions that read {@code e} directly, in topological order. */
    public List<RaspExpr> readers(RaspExpr e) {
        List<RaspExpr> r = readers.get(e);
        if (r == null) throw new IllegalArgumentException("expression " + e + " is not part of this program");
        return Collections.unmodifiableList(r);
    }

    public boolean contains(RaspExpr e) {
        return readers.containsKey(e);
    }

    /** The children of {@code e}, each once (a SequenceMap of x and x reads x once). */
    public static List<RaspExpr> distinctChildren(RaspExpr e) {
        List<RaspExpr> out = new ArrayList<>();
        for (RaspExpr c : e.children()) {
            boolean seen = false;
            for (RaspExpr o : out) seen |= o == c;
            if (!seen) out.add(c);
        }
        return out;
    }

    private static List<RaspExpr> postOrder(RaspExpr root) {
        List<RaspExpr> order = new ArrayList<>();
        IdentityHashMap<RaspExpr, Boolean> done = new IdentityHashMap<>();
        // iterative depth-first post-order, children in their declared order
        ArrayList<RaspExpr> stack = new ArrayList<>();
        ArrayList<Integer> next = new ArrayList<>();
        stack.add(root);
        next.add(0);
        IdentityHashMap<RaspExpr, Boolean> onStack = new IdentityHashMap<>();
        onStack.put(root, true);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            RaspExpr e = stack.get(top);
            List<RaspExpr> children = e.children();
            int i = next.get(top);
            if (i < children.size()) {
                next.set(top, i + 1);
                RaspExpr c = children.get(i);
                if (!done.containsKey(c) && !onStack.containsKey(c)) {
                    stack.add(c);
                    next.add(0);
                    onStack.put(c, true);
                }
            } else {
                stack.remove(top);
                next.remove(top);
                onStack.remove(e);
                done.put(e, true);
                order.add(e);
            }
        }
        return order;
    }
}
