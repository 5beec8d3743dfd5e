package dev.glassbox.model.llama2c;

import dev.glassbox.io.llama2c.Llama2cCheckpoint;
import dev.glassbox.io.llama2c.Llama2cHeader;

/**
 * A line-by-line port of llama2.c's run.c forward(), one token at a time with its own key/value cache:
 * an oracle for the mapping of a checkpoint onto our configuration (which matrix is the gate, how RoPE
 * pairs dimensions, which key head a query head reads).
 */
final class RunC {
    private final Llama2cCheckpoint w;
    private final Llama2cHeader p;
    private final float[][] keyCache, valueCache; // [layer][pos * kvDim + i]

    RunC(Llama2cCheckpoint checkpoint) {
        this.w = checkpoint;
        this.p = checkpoint.header();
        keyCache = new float[p.nLayers()][p.seqLen() * p.kvDim()];
        valueCache = new float[p.nLayers()][p.seqLen() * p.kvDim()];
    }

    float[] forward(int token, int pos) {
        int dim = p.dim(), kvDim = p.kvDim(), hs = p.headSize(), kvMul = p.nHeads() / p.nKvHeads();
        float[] x = new float[dim];
        System.arraycopy(w.tokenEmbedding(), token * dim, x, 0, dim);
        for (int l = 0; l < p.nLayers(); l++) {
            Llama2cCheckpoint.Layer layer = w.layers().get(l);
            float[] xb = rmsnorm(x, layer.rmsAtt());
            float[] q = matmul(xb, layer.wq(), dim, dim);
            float[] k = matmul(xb, layer.wk(), dim, kvDim);
            float[] v = matmul(xb, layer.wv(), dim, kvDim);
            for (int i = 0; i < dim; i += 2) {
                int headDim = i % hs;
                float freq = (float) (1.0 / Math.pow(10000.0f, headDim / (float) hs));
                float val = pos * freq, fcr = (float) Math.cos(val), fci = (float) Math.sin(val);
                for (float[] vec : i < kvDim ? new float[][] {q, k} : new float[][] {q}) {
                    float v0 = vec[i], v1 = vec[i + 1];
                    vec[i] = v0 * fcr - v1 * fci;
                    vec[i + 1] = v0 * fci + v1 * fcr;
                }
            }
            System.arraycopy(k, 0, keyCache[l], pos * kvDim, kvDim);
            System.arraycopy(v, 0, valueCache[l], pos * kvDim, kvDim);
            float[] att = new float[dim];
            for (int h = 0; h < p.nHeads(); h++) {
                float[] scores = new float[pos + 1];
                for (int t = 0; t <= pos; t++) {
                    float score = 0f;
                    for (int i = 0; i < hs; i++) score += q[h * hs + i] * keyCache[l][t * kvDim + (h / kvMul) * hs + i];
                    scores[t] = score / (float) Math.sqrt(hs);
                }
                softmax(scores);
                for (int t = 0; t <= pos; t++) {
                    for (int i = 0; i < hs; i++) att[h * hs + i] += scores[t] * valueCache[l][t * kvDim + (h / kvMul) * hs + i];
                }
            }
            float[] out = matmul(att, layer.wo(), dim, dim);
            for (int i = 0; i < dim; i++) x[i] += out[i];
            xb = rmsnorm(x, layer.rmsFfn());
            float[] hb = matmul(xb, layer.w1(), dim, p.hiddenDim());
            float[] hb2 = matmul(xb, layer.w3(), dim, p.hiddenDim());
            for (int i = 0; i < hb.length; i++) hb[i] = hb[i] * (float) (1.0 / (1.0 + Math.exp(-hb[i]))) * hb2[i];
            out = matmul(hb, layer.w2(), p.hiddenDim(), dim);
            for (int i = 0; i < dim; i++) x[i] += out[i];
        }
        return matmul(rmsnorm(x, w.rmsFinal()), w.classifier(), dim, p.vocabSize());
    }

    private static float[] rmsnorm(float[] x, float[] weight) {
        float ss = 0f;
        for (float v : x) ss += v * v;
        ss = 1f / (float) Math.sqrt(ss / x.length + 1e-5f);
        float[] o = new float[x.length];
        for (int j = 0; j < x.length; j++) o[j] = weight[j] * (ss * x[j]);
        return o;
    }

    /** W (d,n) @ x (n,) -> (d,) */
    private static float[] matmul(float[] x, float[] w, int n, int d) {
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            float val = 0f;
            for (int j = 0; j < n; j++) val += w[i * n + j] * x[j];
            out[i] = val;
        }
        return out;
    }

    private static void softmax(float[] x) {
        float max = x[0];
        for (float v : x) max = Math.max(max, v);
        float sum = 0f;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.exp(x[i] - max);
            sum += x[i];
        }
        for (int i = 0; i < x.length; i++) x[i] /= sum;
    }
}
