package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.hooks.ActiveHooks;
import dev.glassbox.model.hooks.LayerHookNames;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.Parallelism;
import java.util.Arrays;

/**
 * Multi-head self-attention with grouped queries. For query head h, served by key/value head
 * g = h / groupSize, and a query at position i:
 * <pre>
 *   s_ij  = attnScale * q_hi . k_gj            (then cap * tanh(s / cap) when soft-capped; -inf if j is masked)
 *   p_ij  = softmax_j(s_ij)
 *   z_hi  = sum_j p_ij v_gj
 *   out_i = sum_h Wo[:, h-th band] z_hi + bo
 * </pre>
 * Scores and patterns are kept whole ([head][query][key]) only when a hook asks for them; otherwise each
 * query's row lives in a scratch array. Per-head outputs ({@code hook_result}) likewise.
 */
final class SelfAttention {
    private final TransformerConfig config;
    private final Kernels kernels;
    private final Parallelism parallel;
    private final RotaryEmbedding rotary;
    private final int nHeads, nKvHeads, dHead, dModel;

    SelfAttention(TransformerConfig config, Kernels kernels, Parallelism parallel) {
        this.config = config;
        this.kernels = kernels;
        this.parallel = parallel;
        this.nHeads = config.nHeads();
        this.nKvHeads = config.nKvHeads();
        this.dHead = config.dHead();
        this.dModel = config.dModel();
        this.rotary = switch (config.positions()) {
            case ROPE_INTERLEAVED, ROPE_HALF -> new RotaryEmbedding(config.positions(), dHead, config.ropeTheta());
            case LEARNED, NONE -> null;
        };
    }

    /**
     * Attention of {@code n} new positions (absolute positions start..start+n-1) over every position in
     * the cache, after appending the new keys and values to it.
     *
     * @param x the normalized input, [n][dModel]
     * @return the attention output before any post-norm, [n][dModel]
     */
    float[] forward(int layer, Attention w, LayerHookNames names, float[] x, int n, int start,
            KeyValueCache cache, ActiveHooks hooks) {
        float[] q = Rows.linear(w.wq(), w.bq(), x, n, parallel);
        float[] k = Rows.linear(w.wk(), w.bk(), x, n, parallel);
        float[] v = Rows.linear(w.wv(), w.bv(), x, n, parallel);
        q = hooks.fire(names.q(), q, n, nHeads, dHead);
        k = hooks.fire(names.k(), k, n, nKvHeads, dHead);
        v = hooks.fire(names.v(), v, n, nKvHeads, dHead);
        if (rotary != null) {
            rotary.rotate(q, n, nHeads, start);
            rotary.rotate(k, n, nKvHeads, start);
        }
        q = hooks.fire(names.rotQ(), q, n, nHeads, dHead);
        k = hooks.fire(names.rotK(), k, n, nKvHeads, dHead);
        cache.append(layer, k, v, n);

        VisibleKeys visible = VisibleKeys.of(config, layer);
        float[] z = hooks.wants(names.attnScores()) || hooks.wants(names.pattern())
                ? mixWithWholePattern(names, q, n, start, cache.stored(layer), visible, hooks)
                : mixRowByRow(q, n, start, cache, layer, visible);
        z = hooks.fire(names.z(), z, n, nHeads, dHead);
        return hooks.wants(names.result()) ? outputViaHeads(w, names, z, n, hooks) : output(w, z, n);
    }

    /**
     * The fast path: one query row of scores at a time, softmax over the visible keys only. Heads are shared
     * out between the threads, whole key/value groups per task where there are enough groups (so that a
     * half-precision cache decodes each group once, in the task that reads it); each head's numbers are
     * computed the same way on any thread. Serial, attention was about 3% of a generated token's time on
     * two threads.
     */
    private float[] mixRowByRow(float[] q, int n, int start, KeyValueCache cache, int layer, VisibleKeys visible) {
        int keyCount = cache.length(layer);
        float[] z = new float[n * nHeads * dHead];
        int groupSize = config.groupSize();
        int align = nKvHeads >= parallel.threads() ? groupSize : 1;
        parallel.forRanges(nHeads, align, (fromHead, toHead) -> {
            float[] row = new float[keyCount];
            KeyValueCache.Head kv = null;
            for (int h = fromHead; h < toHead; h++) {
                if (kv == null || h % groupSize == 0) kv = cache.head(layer, h / groupSize);
                for (int i = 0; i < n; i++) {
                    int first = visible.first(start + i), last = visible.last(start + i, keyCount);
                    scoreRow(q, h, i, kv.keys(), kv.base(), kv.stride(), first, last, row, 0);
                    kernels.softmax(row, first, last - first + 1);
                    mixValues(row, 0, h, i, kv.values(), kv.base(), kv.stride(), first, last, z);
                }
            }
        });
        return z;
    }

    /** The hooked path: all scores [head][query][key], hooked, softmaxed whole, hooked, then mixed. */
    private float[] mixWithWholePattern(LayerHookNames names, float[] q, int n, int start, KeyValueCache.Stored kv,
            VisibleKeys visible, ActiveHooks hooks) {
        int keyCount = kv.length();
        float[] scores = new float[nHeads * n * keyCount];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int h = 0; h < nHeads; h++) {
            for (int i = 0; i < n; i++) {
                int first = visible.first(start + i), last = visible.last(start + i, keyCount);
                scoreRow(q, h, i, kv.keys(), (h / config.groupSize()) * dHead, nKvHeads * dHead, first, last, scores,
                        (h * n + i) * keyCount);
            }
        }
        scores = hooks.fire(names.attnScores(), scores, nHeads, n, keyCount);
        float[] pattern = scores; // softmax in place: the scores hook has had its look
        for (int row = 0; row < nHeads * n; row++) {
            kernels.softmax(pattern, row * keyCount, keyCount);
        }
        pattern = hooks.fire(names.pattern(), pattern, nHeads, n, keyCount);
        float[] z = new float[n * nHeads * dHead];
        for (int h = 0; h < nHeads; h++) {
            for (int i = 0; i < n; i++) {
                mixValues(pattern, (h * n + i) * keyCount, h, i, kv.values(), (h / config.groupSize()) * dHead, nKvHeads * dHead,
                        0, keyCount - 1, z);
            }
        }
        return z;
    }

    /**
     * out[outOff + j] = s_ij for keys first..last (capped if configured); other entries untouched. Key j of
     * the head is at keys[base + j*stride].
     */
    private void scoreRow(float[] q, int h, int i, float[] keys, int base, int stride, int first, int last, float[] out,
            int outOff) {
        int qOff = (i * nHeads + h) * dHead;
        float scale = config.attnScale(), cap = config.attnSoftcap();
        for (int j = first; j <= last; j++) {
            float s = scale * kernels.dot(q, qOff, keys, base + j * stride, dHead);
            out[outOff + j] = cap > 0 ? Rows.softcap(s, cap) : s;
        }
    }

    /** z_hi += sum_{j in first..last} p_ij v_gj, skipping zero weights; value j at values[base + j*stride]. */
    private void mixValues(float[] pattern, int pOff, int h, int i, float[] values, int base, int stride, int first,
            int last, float[] z) {
        int zOff = (i * nHeads + h) * dHead;
        for (int j = first; j <= last; j++) {
            float p = pattern[pOff + j];
            if (p != 0f) kernels.axpy(p, values, base + j * stride, z, zOff, dHead);
        }
    }

    /** out = Wo z + bo for every position. */
    private float[] output(Attention w, float[] z, int n) {
        return Rows.linear(w.wo(), w.bo(), z, n, parallel);
    }

    /** The same sum, through each head's share result_hi = Wo[:, h-th band] z_hi, which hooks may change. */
    private float[] outputViaHeads(Attention w, LayerHookNames names, float[] z, int n, ActiveHooks hooks) {
        float[] result = new float[n * nHeads * dModel];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < nHeads; h++) {
                int zOff = (i * nHeads + h) * dHead;
                w.wo().matVecColumns(h * dHead, dHead, z, zOff, result, (i * nHeads + h) * dModel);
            }
        }
        result = hooks.fire(names.result(), result, n, nHeads, dModel);
        float[] out = new float[n * dModel];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < nHeads; h++) {
                kernels.axpy(1f, result, (i * nHeads + h) * dModel, out, i * dModel, dModel);
            }
        }
        Rows.addBias(out, w.bo(), n);
        return out;
    }
}
