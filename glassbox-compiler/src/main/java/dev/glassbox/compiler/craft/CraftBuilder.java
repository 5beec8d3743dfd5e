package dev.glassbox.compiler.craft;

import dev.glassbox.compiler.CompileException;
import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.bases.ValueSet;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.LinearSequenceMap;
import dev.glassbox.rasp.Map;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Select;
import dev.glassbox.rasp.SelectorWidth;
import dev.glassbox.rasp.SequenceMap;
import dev.glassbox.rasp.Tokens;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The third stage: a block (or a linear view) for every S-Op, built on the directions of the S-Ops it
 * reads and writes. The blocks are defined by their action on named directions; which residual dimensions
 * those become is decided later, by the assembler.
 *
 * <p>Compat mode builds the original's blocks for every S-Op. The default mode reads every S-Op that is a
 * linear function of others through a {@linkplain LinearViews view}, and builds exact blocks for the rest.
 */
public final class CraftBuilder {
    private final ProgramGraph graph;
    private final Bases bases;
    private final CompileOptions options;

    private CraftBuilder(Bases bases, CompileOptions options) {
        this.graph = bases.graph();
        this.bases = bases;
        this.options = options;
    }

    public static CraftProgram build(Bases bases, CompileOptions options) {
        CraftBuilder b = new CraftBuilder(bases, options);
        IdentityHashMap<SOp, NodeCraft> nodes = new IdentityHashMap<>();
        for (SOp s : b.graph.sops()) nodes.put(s, options.isCompat() ? b.tracr(s) : b.exact(s));
        return new CraftProgram(b.graph, bases, options, nodes);
    }

    // ---------------------------------------------------------------- the original's blocks

    private NodeCraft tracr(SOp sop) {
        String label = graph.label(sop);
        return switch (sop) {
            case Tokens t -> new NodeCraft.Embedded();
            case Indices i -> new NodeCraft.Embedded();
            case Map m when m.inner().isCategorical() && m.isCategorical() ->
                    new NodeCraft.Mlp(CategoricalMlp.map(space(m.inner()), space(m), label, m.f()::apply));
            case Map m when m.inner().isCategorical() ->
                    new NodeCraft.Mlp(CategoricalToNumericalMlp.map(space(m.inner()), space(m).getFirst(), m.f()::apply));
            case Map m -> new NodeCraft.Mlp(DiscretisingMlp.tracr(hiddenName(label), space(m.inner()).getFirst(),
                    points(m, values(m.inner()), true), options.mlpExactness(), space(m)));
            case LinearSequenceMap l -> new NodeCraft.Mlp(LinearSequenceMapMlp.build(hiddenName(label),
                    space(l.fst()).getFirst(), space(l.snd()).getFirst(), space(l).getFirst(), l.fstFactor(), l.sndFactor()));
            case SequenceMap s when s.fst() == s.snd() ->
                    new NodeCraft.Mlp(CategoricalMlp.map(space(s.fst()), space(s), label, x -> s.f().apply(x, x)));
            case SequenceMap s -> new NodeCraft.Mlp(SequenceMapMlp.build(hiddenName(label), space(s.fst()),
                    space(s.snd()), space(s), label, s.f()::apply, true));
            case Aggregate a -> {
                Select sel = (Select) a.selector();
                yield new NodeCraft.Attention(CategoricalAttention.tracr(label, space(sel.queries()), space(sel.keys()),
                        sel.predicate(), space(a.sop()), space(a)));
            }
            case SelectorWidth w -> {
                Select sel = (Select) w.selector();
                SelectorWidthBlock.Parts p = SelectorWidthBlock.tracr(label, space(sel.queries()), space(sel.keys()),
                        sel.predicate(), values(w), space(w), w.isCategorical(), options.mlpExactness());
                yield new NodeCraft.AttentionThenMlp(p.head(), p.mlp());
            }
            default -> throw new IllegalStateException("the validator lets no " + ProgramGraph.kind(sop) + " through");
        };
    }

    // ---------------------------------------------------------------- the default mode's blocks

    private NodeCraft exact(SOp sop) {
        String label = graph.label(sop);
        return switch (sop) {
            case Tokens t -> new NodeCraft.Embedded();
            case Indices i -> new NodeCraft.Embedded();
            case Full f -> new NodeCraft.View(LinearViews.constant(space(f).getFirst(),
                    f.isNumerical() ? Values.toDouble(f.fill()) : 1));
            case Map m when m.inner().isCategorical() ->
                    new NodeCraft.View(LinearViews.ofCategorical(space(m.inner()), space(m), label, m.isNumerical(), m.f()::apply));
            case Map m -> numericalMap(m, label);
            case LinearSequenceMap l when l.isNumerical() -> {
                Linear view = new Linear();
                BasisDirection out = space(l).getFirst();
                requireNumbers(l.fst(), l);
                requireNumbers(l.snd(), l);
                LinearViews.addScaled(view, out, space(l.fst()), l.fst().isNumerical(), l.fstFactor());
                LinearViews.addScaled(view, out, space(l.snd()), l.snd().isNumerical(), l.sndFactor());
                yield new NodeCraft.View(view);
            }
            case SequenceMap s when s.fst() == s.snd() ->
                    new NodeCraft.View(LinearViews.ofCategorical(space(s.fst()), space(s), label, false, x -> s.f().apply(x, x)));
            case SequenceMap s -> new NodeCraft.Mlp(SequenceMapMlp.build(hiddenName(label), space(s.fst()),
                    space(s.snd()), space(s), label, s.f()::apply, false));
            case Aggregate a -> new NodeCraft.Attention(aggregate(a, label));
            case SelectorWidth w -> {
                Select sel = (Select) w.selector();
                SelectorWidthBlock.Parts p = SelectorWidthBlock.exact(label, space(sel.queries()), space(sel.keys()),
                        sel.predicate(), values(w), space(w), w.isCategorical());
                yield new NodeCraft.AttentionThenMlp(p.head(), p.mlp());
            }
            default -> throw new IllegalStateException("the validator lets no " + ProgramGraph.kind(sop) + " through");
        };
    }

    private NodeCraft numericalMap(Map m, String label) {
        ValueSet in = bases.valueSet(m.inner());
        if (!in.isListed()) {
            throw CompileException.of(label, "Map", "it applies a function to '" + graph.label(m.inner())
                    + "', whose values are too many to list (more than " + ValueSet.MAX_LISTED + "), and an MLP "
                    + "can only compute a function of a numerical input at listed values; lower max sequence length");
        }
        if (m.isNumerical()) {
            double[] fit = LinearViews.affineFit(in.values(), m.f()::apply);
            if (fit != null) return new NodeCraft.View(LinearViews.affine(space(m).getFirst(), space(m.inner()).getFirst(), fit[0], fit[1]));
        }
        return new NodeCraft.Mlp(DiscretisingMlp.exact(hiddenName(label), space(m.inner()).getFirst(),
                points(m, in.values(), false), 0, space(m)));
    }

    private AttentionHead aggregate(Aggregate a, String label) {
        Select sel = (Select) a.selector();
        List<BasisDirection> out = space(a);
        LinkedHashMap<BasisDirection, BasisDirection> valueToOutput = new LinkedHashMap<>();
        LinkedHashMap<BasisDirection, Double> byDefault = new LinkedHashMap<>();
        if (a.isNumerical()) {
            valueToOutput.put(space(a.sop()).getFirst(), out.getFirst());
            if (a.defaultValue() != null && Values.toDouble(a.defaultValue()) != 0) {
                byDefault.put(out.getFirst(), Values.toDouble(a.defaultValue()));
            }
        } else {
            for (BasisDirection v : space(a.sop())) {
                BasisDirection o = new BasisDirection(label, v.value());
                if (out.contains(o)) valueToOutput.put(v, o);
            }
            if (a.defaultValue() != null) byDefault.put(new BasisDirection(label, a.defaultValue()), 1.0);
        }
        return CategoricalAttention.exact(label, space(sel.queries()), space(sel.keys()), sel.predicate(),
                valueToOutput, out, byDefault);
    }

    // ---------------------------------------------------------------- helpers

    /** The input values of a numerical Map with the output vector each must give. */
    private List<DiscretisingMlp.Point> points(Map m, List<Object> inputs, boolean tracr) {
        List<BasisDirection> out = space(m);
        String label = graph.label(m);
        List<DiscretisingMlp.Point> points = new ArrayList<>();
        for (Object x : inputs) {
            Object y = Functions.applyOrNull(() -> m.f().apply(x));
            if (y == null && tracr) continue; // the original leaves such values out of the discretisation
            LinkedHashMap<BasisDirection, Double> o = new LinkedHashMap<>();
            if (y != null) {
                if (m.isNumerical()) {
                    o.put(out.getFirst(), Values.toDouble(y));
                } else {
                    BasisDirection d = new BasisDirection(label, y);
                    if (out.contains(d)) o.put(d, 1.0);
                }
            }
            points.add(new DiscretisingMlp.Point(Values.toDouble(x), o));
        }
        return points;
    }

    private void requireNumbers(SOp input, SOp reader) {
        if (input.isCategorical() && !bases.valueSet(input).allNumbers()) {
            throw CompileException.of(graph.label(reader), ProgramGraph.kind(reader), "it adds up '"
                    + graph.label(input) + "', whose values are not all numbers");
        }
    }

    private List<BasisDirection> space(SOp sop) {
        return bases.space(sop);
    }

    private List<Object> values(SOp sop) {
        return bases.valueSet(sop).values();
    }

    private static String hiddenName(String label) {
        return "_hidden_" + label + "_";
    }
}
