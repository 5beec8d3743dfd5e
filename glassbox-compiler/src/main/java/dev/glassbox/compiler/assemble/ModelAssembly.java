package dev.glassbox.compiler.assemble;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.allocation.Allocation;
import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.craft.AttentionHead;
import dev.glassbox.compiler.craft.BasisDirection;
import dev.glassbox.compiler.craft.CraftProgram;
import dev.glassbox.compiler.craft.Directions;
import dev.glassbox.compiler.craft.Linear;
import dev.glassbox.compiler.craft.MlpBlock;
import dev.glassbox.compiler.craft.NodeCraft;
import dev.glassbox.compiler.craft.Spaces;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.InputEncoding;
import dev.glassbox.model.compiled.OutputDecoding;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Tokens;
import dev.glassbox.tensor.FloatMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last stage: the weights of a transformer, with an explicit token embedding ({@code tokens:t} and
 * {@code one} for token t), position embedding (row 0, BOS, is zero; row p+1 is {@code indices:p}),
 * unembedding (the output S-Op's directions, plus in the default mode a "no value" row when the output can
 * be None), and a label for every residual dimension.
 *
 * <p>Compat mode lays the residual stream out as the original does: every direction any block declares,
 * every token (BOS and PAD included) and every index, sorted by name and value. The default mode keeps
 * only directions some weight reads: tokens (in vocabulary order) and BOS, the indices, {@code one}, then
 * the S-Ops that blocks write, in program order. PAD, which nothing ever reads, embeds to zero.
 */
public final class ModelAssembly {
    private final CraftProgram craft;
    private final Allocation allocation;
    private final CompileOptions options;
    private final ProgramGraph graph;
    private final Bases bases;
    private final boolean compat;

    private ModelAssembly(CraftProgram craft, Allocation allocation) {
        this.craft = craft;
        this.allocation = allocation;
        this.options = craft.options();
        this.graph = craft.graph();
        this.bases = craft.bases();
        this.compat = options.isCompat();
    }

    public static CompiledModel assemble(CraftProgram craft, Allocation allocation) {
        return new ModelAssembly(craft, allocation).build();
    }

    private CompiledModel build() {
        SOp output = graph.output();
        List<Object> tokens = tokenOrder();
        boolean noValueRow = !compat && output.isCategorical() && bases.valueSet(output).nullable();
        List<AttentionHead[]> headsPerLayer = new ArrayList<>();
        List<MlpBlock> mlpPerLayer = new ArrayList<>();
        for (int l = 0; l < allocation.numLayers(); l++) {
            List<AttentionHead> heads = new ArrayList<>();
            for (SOp s : allocation.heads().get(l)) heads.add(head(s));
            headsPerLayer.add(heads.toArray(new AttentionHead[0]));
            List<MlpBlock> parts = new ArrayList<>();
            for (SOp s : allocation.mlps().get(l)) parts.add(mlp(s));
            mlpPerLayer.add(parts.isEmpty() ? null : MlpBlock.inParallel(parts, compat));
        }

        Map<BasisDirection, Map<BasisDirection, Double>> views = viewDefinitions();
        List<BasisDirection> outputSpace = compat ? Spaces.sorted(bases.space(output)) : bases.space(output);
        ResidualLayout layout = new ResidualLayout(
                compat ? tracrResidual(headsPerLayer, mlpPerLayer, outputSpace)
                        : readDirections(headsPerLayer, mlpPerLayer, outputSpace, noValueRow, views),
                views);
        int d = layout.size();

        int nHeads = 1, dHead = 1, dMlp = 1;
        for (AttentionHead[] heads : headsPerLayer) {
            nHeads = Math.max(nHeads, heads.length);
            for (AttentionHead h : heads) {
                int needed = Math.max(h.keySpace().size(), h.outputSpace().size());
                if (compat) needed = Math.max(needed, h.querySpace().size()); // the original's key_size
                dHead = Math.max(dHead, needed);
            }
        }
        for (MlpBlock m : mlpPerLayer) if (m != null) dMlp = Math.max(dMlp, m.width());

        List<TransformerWeights.LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < allocation.numLayers(); l++) {
            layers.add(new TransformerWeights.LayerWeights(null, attention(layout, headsPerLayer.get(l), nHeads, dHead),
                    null, null, mlp(layout, mlpPerLayer.get(l), dMlp), null));
        }

        // embeddings
        FloatMatrix embed = FloatMatrix.zeros(tokens.size(), d);
        for (int t = 0; t < tokens.size(); t++) {
            BasisDirection dir = Directions.token(tokens.get(t));
            if (!compat && dir.equals(Directions.PAD)) continue;
            set(embed, t, layout.indexOf(dir), 1);
            set(embed, t, layout.indexOf(Directions.ONE), 1);
        }
        FloatMatrix posEmbed = FloatMatrix.zeros(options.maxSeqLen() + 1, d);
        for (int p = 0; p < options.maxSeqLen(); p++) set(posEmbed, p + 1, layout.indexOf(Directions.index(p)), 1);

        // unembedding
        List<Object> outputValues = new ArrayList<>();
        List<Map<Integer, Double>> rows = new ArrayList<>();
        for (BasisDirection o : outputSpace) {
            outputValues.add(o.value());
            rows.add(layout.read(o));
        }
        if (noValueRow) {
            // 1/2 where the output is the zero vector (None), -1/2 where it is one-hot: above every value's
            // logit (0) in the first case, below the value's (1) in the second.
            Map<Integer, Double> none = new LinkedHashMap<>();
            none.merge(layout.indexOf(Directions.ONE), 0.5, Double::sum);
            for (BasisDirection o : outputSpace) layout.read(o).forEach((i, c) -> none.merge(i, -c, Double::sum));
            outputValues.add(null);
            rows.add(none);
        }
        FloatMatrix unembed = FloatMatrix.zeros(rows.size(), d);
        for (int r = 0; r < rows.size(); r++) {
            int row = r;
            rows.get(r).forEach((i, c) -> set(unembed, row, i, c));
        }
        String outputLabel = graph.label(output);
        OutputDecoding decoding = output.isNumerical() ? OutputDecoding.numerical(outputLabel)
                : OutputDecoding.categorical(outputLabel, outputValues);

        TransformerConfig config = TransformerConfig.compiled(d, allocation.numLayers(), nHeads, dHead, dMlp,
                tokens.size(), options.maxSeqLen() + 1, options.causal());
        TransformerWeights weights = new TransformerWeights(embed, posEmbed, layers, null, unembed);
        List<String> labels = layout.directions().stream().map(BasisDirection::label).toList();
        InputEncoding input = new InputEncoding(tokens, tokens.indexOf(InputEncoding.BOS), tokens.indexOf(InputEncoding.PAD),
                options.maxSeqLen());
        return new CompiledModel(config, weights, labels, input, decoding, report(headsPerLayer, mlpPerLayer), "");
    }

    // ---------------------------------------------------------------- blocks

    private AttentionHead head(SOp s) {
        return switch (craft.craft(s)) {
            case NodeCraft.Attention a -> a.head();
            case NodeCraft.AttentionThenMlp a -> a.head();
            default -> throw new IllegalStateException(graph.label(s) + " has no head");
        };
    }

    private MlpBlock mlp(SOp s) {
        return switch (craft.craft(s)) {
            case NodeCraft.Mlp m -> m.mlp();
            case NodeCraft.AttentionThenMlp a -> a.mlp();
            default -> throw new IllegalStateException(graph.label(s) + " has no MLP");
        };
    }

    /** Every direction of every view → its definition (empty for a direction that is always 0). */
    private Map<BasisDirection, Map<BasisDirection, Double>> viewDefinitions() {
        Map<BasisDirection, Map<BasisDirection, Double>> out = new HashMap<>();
        for (SOp s : graph.sops()) {
            if (craft.craft(s) instanceof NodeCraft.View v) {
                for (BasisDirection d : bases.space(s)) out.put(d, v.definition().row(d));
            }
        }
        return out;
    }

    private TransformerWeights.Attention attention(ResidualLayout layout, AttentionHead[] heads, int nHeads, int dHead) {
        int d = layout.size(), width = nHeads * dHead;
        FloatMatrix wq = FloatMatrix.zeros(width, d), wk = FloatMatrix.zeros(width, d), wv = FloatMatrix.zeros(width, d);
        FloatMatrix wo = FloatMatrix.zeros(d, width);
        for (int h = 0; h < heads.length; h++) {
            AttentionHead head = heads[h];
            // key dimension i holds key direction k_i; the query carries W_QK's column for k_i
            for (int i = 0; i < head.keySpace().size(); i++) {
                BasisDirection k = head.keySpace().get(i);
                int row = h * dHead + i;
                layout.read(k).forEach((r, c) -> add(wk, row, r, c));
                for (BasisDirection q : head.querySpace()) {
                    double w = head.qk().get(q, k);
                    if (w != 0) layout.read(q).forEach((r, c) -> add(wq, row, r, w * c));
                }
            }
            // value dimension j holds the output direction o_j
            for (int j = 0; j < head.outputSpace().size(); j++) {
                BasisDirection o = head.outputSpace().get(j);
                int row = h * dHead + j;
                for (BasisDirection v : head.valueSpace()) {
                    double w = head.ov().get(v, o);
                    if (w != 0) layout.read(v).forEach((r, c) -> add(wv, row, r, w * c));
                }
                int target = layout.indexOf(o);
                if (target >= 0) set(wo, target, row, 1);
            }
        }
        return new TransformerWeights.Attention(wq, null, wk, null, wv, null, wo, null);
    }

    private TransformerWeights.Mlp mlp(ResidualLayout layout, MlpBlock block, int dMlp) {
        int d = layout.size();
        FloatMatrix wIn = FloatMatrix.zeros(dMlp, d), wOut = FloatMatrix.zeros(d, dMlp);
        if (block != null) {
            for (int n = 0; n < block.hidden().size(); n++) {
                BasisDirection h = block.hidden().get(n);
                int neuron = n;
                for (BasisDirection in : block.inputSpace()) {
                    double w = block.first().get(in, h);
                    if (w != 0) layout.read(in).forEach((r, c) -> add(wIn, neuron, r, w * c));
                }
                block.second().row(h).forEach((out, w) -> {
                    int target = layout.indexOf(out);
                    if (target >= 0) add(wOut, target, neuron, w);
                });
            }
        }
        return new TransformerWeights.Mlp(wIn, null, null, wOut, null);
    }

    // ---------------------------------------------------------------- residual layouts

    /** The original's residual: every declared direction of every block, tokens, indices, output; sorted. */
    private List<BasisDirection> tracrResidual(List<AttentionHead[]> heads, List<MlpBlock> mlps, List<BasisDirection> outputSpace) {
        LinkedHashSet<BasisDirection> all = new LinkedHashSet<>();
        for (AttentionHead[] layer : heads) {
            for (AttentionHead h : layer) {
                all.addAll(h.querySpace());
                all.addAll(h.keySpace());
                all.addAll(h.valueSpace());
                all.addAll(h.outputSpace());
            }
        }
        for (MlpBlock m : mlps) {
            if (m == null) continue;
            all.addAll(m.inputSpace());
            all.addAll(m.outputSpace());
        }
        for (Object t : tokenOrder()) all.add(Directions.token(t));
        all.addAll(Directions.indices(options.maxSeqLen()));
        all.addAll(outputSpace);
        return Spaces.sorted(all);
    }

    /** The default residual: every base direction some weight reads, in a readable order. */
    private List<BasisDirection> readDirections(List<AttentionHead[]> heads, List<MlpBlock> mlps,
            List<BasisDirection> outputSpace, boolean noValueRow, Map<BasisDirection, Map<BasisDirection, Double>> views) {
        Set<BasisDirection> read = new LinkedHashSet<>();
        Map<BasisDirection, Map<BasisDirection, Double>> memo = new HashMap<>();
        java.util.function.Consumer<BasisDirection> reads = dir -> read.addAll(ResidualLayout.toBase(dir, views, memo).keySet());
        for (AttentionHead[] layer : heads) {
            for (AttentionHead h : layer) {
                h.qk().forEach((q, k, w) -> {
                    reads.accept(q);
                    reads.accept(k);
                });
                h.ov().forEach((v, o, w) -> reads.accept(v));
            }
        }
        for (MlpBlock m : mlps) if (m != null) m.first().forEach((in, h, w) -> reads.accept(in));
        outputSpace.forEach(reads);
        if (noValueRow || read.isEmpty()) read.add(Directions.ONE); // a model has at least one dimension

        List<BasisDirection> order = new ArrayList<>();
        for (Object t : options.vocab()) order.add(Directions.token(t));
        order.add(Directions.BOS);
        order.addAll(Directions.indices(options.maxSeqLen()));
        order.add(Directions.ONE);
        for (SOp s : graph.sops()) {
            if (s instanceof Tokens || s instanceof Indices || craft.craft(s) instanceof NodeCraft.View) continue;
            order.addAll(bases.space(s));
        }
        List<BasisDirection> out = new ArrayList<>();
        for (BasisDirection dir : order) if (read.contains(dir) && !out.contains(dir)) out.add(dir);
        return out;
    }

    /** Token ids: the original's sorted order; the default mode's vocabulary order, then BOS and PAD. */
    private List<Object> tokenOrder() {
        List<Object> tokens = new ArrayList<>(options.vocab());
        tokens.add(InputEncoding.BOS);
        tokens.add(InputEncoding.PAD);
        if (!compat) return tokens;
        List<BasisDirection> dirs = new ArrayList<>();
        for (Object t : tokens) dirs.add(Directions.token(t));
        List<Object> sorted = new ArrayList<>();
        for (BasisDirection dir : Spaces.sorted(dirs)) sorted.add(dir.value());
        return sorted;
    }

    // ---------------------------------------------------------------- report

    private CompileReport report(List<AttentionHead[]> heads, List<MlpBlock> mlps) {
        List<Integer> headCounts = new ArrayList<>(), widths = new ArrayList<>();
        for (int l = 0; l < heads.size(); l++) {
            headCounts.add(heads.get(l).length);
            widths.add(mlps.get(l) == null ? 0 : mlps.get(l).width());
        }
        List<CompileReport.Placement> placements = new ArrayList<>();
        for (SOp s : graph.sops()) {
            if (s instanceof Tokens || s instanceof Indices) continue;
            Integer at = allocation.sublayer().get(s);
            placements.add(new CompileReport.Placement(graph.label(s), ProgramGraph.kind(s), s.encoding().toString(),
                    at == null ? -1 : at));
        }
        return new CompileReport(options.mode().reportName(), options.causal(), headCounts, widths, placements);
    }

    private static void set(FloatMatrix m, int row, int col, double value) {
        if (row >= 0 && col >= 0) m.set(row, col, (float) value);
    }

    private static void add(FloatMatrix m, int row, int col, double value) {
        if (row >= 0 && col >= 0) m.set(row, col, m.get(row, col) + (float) value);
    }
}
