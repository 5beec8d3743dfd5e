package dev.glassbox.interp.circuits;

import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The low-rank experiment: project one head's queries, keys or values onto the top-k singular subspace of
 * its circuit ({@link Subspace}) and measure how much the model's logits and the head's own output move,
 * for each k. A circuit of numerical rank r is unchanged at k = r (the dropped singular values are zero),
 * so the curve says how many dimensions each head actually uses.
 *
 * <p>Changes are measured from position {@code from} on: 1 for models that prepend BOS, whose output at BOS
 * is not an answer (a compiled model's BOS query may attend anywhere once its BOS relation is dropped).
 */
public final class Compression {
    private final Transformer model;
    private final Transformer expanded;
    private final List<int[]> prompts;
    private final int from;
    private final Run original;

    /** The logits and every layer's per-head outputs [prompt][position][head * dModel] of one model. */
    private record Run(float[][][] logits, float[][][][] results) {}

    /**
     * @param prompts token sequences the change is measured on
     * @param from the first position measured
     */
    public Compression(Transformer model, List<int[]> prompts, int from) {
        if (prompts.isEmpty()) throw new IllegalArgumentException("no prompts to measure the change on");
        this.model = model;
        this.expanded = KvExpansion.expand(model);
        this.prompts = List.copyOf(prompts);
        this.from = from;
        this.original = run(model, -1);
    }

    /** Every k from 0 to the number of singular values. */
    public CompressionCurve curve(int layer, int head, Subspace subspace) {
        int size = Math.min(model.config().dModel(), model.config().dHead());
        int[] ks = new int[size + 1];
        for (int k = 0; k <= size; k++) ks[k] = k;
        return curve(layer, head, subspace, ks);
    }

    public CompressionCurve curve(int layer, int head, Subspace subspace, int[] ks) {
        Svd svd = (subspace == Subspace.VALUE ? HeadCircuits.ov(model.config(), model.weights(), layer, head)
                : HeadCircuits.qk(model.config(), model.weights(), layer, head)).svd();
        double[][] basis = subspace == Subspace.QUERY ? svd.u() : svd.v();
        Transformer base = subspace == Subspace.QUERY ? model : expanded;
        List<CompressionPoint> points = new ArrayList<>();
        for (int k : ks) {
            if (k < 0) throw new IllegalArgumentException("k must not be negative, got " + k);
            Transformer edited = HeadProjection.apply(base, layer, head, subspace, basis, Math.min(k, svd.size()));
            Run run = run(edited, layer);
            points.add(new CompressionPoint(k, OutputChange.between(original.logits(), run.logits(), from),
                    headChange(original.results()[layer], run.results()[layer], head)));
        }
        return new CompressionCurve(layer, head, subspace, svd.s(), svd.rank(), points);
    }

    /** The curves of every head for each subspace. */
    public List<CompressionCurve> all(List<Subspace> subspaces) {
        List<CompressionCurve> out = new ArrayList<>();
        for (int l = 0; l < model.config().nLayers(); l++) {
            for (int h = 0; h < model.config().nHeads(); h++) {
                for (Subspace s : subspaces) out.add(curve(l, h, s));
            }
        }
        return out;
    }

    /** max over prompts, positions >= from and coordinates of |result'_h - result_h|. */
    private double headChange(float[][][] a, float[][][] b, int head) {
        int d = model.config().dModel();
        double max = 0;
        for (int p = 0; p < a.length; p++) {
            for (int i = from; i < a[p].length; i++) {
                for (int c = head * d; c < (head + 1) * d; c++) max = Math.max(max, Math.abs((double) a[p][i][c] - b[p][i][c]));
            }
        }
        return max;
    }

    /** Runs every prompt, caching hook_result of {@code layer} (of every layer when -1). */
    private Run run(Transformer m, int layer) {
        int n = m.config().nLayers();
        float[][][] logits = new float[prompts.size()][][];
        float[][][][] results = new float[n][prompts.size()][][];
        String only = layer < 0 ? null : HookNames.block(layer, HookNames.RESULT);
        for (int p = 0; p < prompts.size(); p++) {
            int[] tokens = prompts.get(p);
            CachedRun run = m.runWithCache(tokens, name -> only == null ? name.endsWith(HookNames.RESULT) : name.equals(only));
            logits[p] = run.logits();
            for (int l = 0; l < n; l++) {
                if (layer >= 0 && l != layer) continue;
                float[] data = run.cache().get(l, HookNames.RESULT).data(); // [pos][head][dModel]
                int width = data.length / tokens.length;
                results[l][p] = new float[tokens.length][];
                for (int i = 0; i < tokens.length; i++) results[l][p][i] = java.util.Arrays.copyOfRange(data, i * width, (i + 1) * width);
            }
        }
        return new Run(logits, results);
    }
}
