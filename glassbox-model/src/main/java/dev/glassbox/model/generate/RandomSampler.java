package dev.glassbox.model.generate;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Temperature sampling with optional top-k and top-p (nucleus) truncation, from a seeded
 * {@link SplittableRandom}:
 * <pre>
 *   p_i = exp((l_i - max l) / T) / sum_j exp((l_j - max l) / T)
 *   candidates: ids by p descending; the first topK; then the shortest prefix with sum p >= topP
 *   draw r uniform in [0, sum of the candidates' p) and walk the candidates until the running sum passes r
 * </pre>
 * For top-p alone, ids with p below (1 - topP) / (n - 1) are dropped before sorting (llama2.c's
 * shortcut): together they hold less than 1 - topP, so the nucleus never reaches them.
 */
public final class RandomSampler implements Sampler {
    private final float temperature;
    private final int topK;
    private final float topP;
    private final RandomGenerator random;

    public RandomSampler(Sampling sampling) {
        this.temperature = sampling.temperature();
        this.topK = sampling.topK();
        this.topP = sampling.topP();
        this.random = new SplittableRandom(sampling.seed());
    }

    @Override
    public int sample(float[] logits) {
        float[] p = probabilities(logits);
        if (topK == 0 && topP >= 1f) return draw(p);
        long[] ranked = ranked(p);
        int keep = topK == 0 ? ranked.length : Math.min(topK, ranked.length);
        if (topP < 1f) {
            float mass = 0f;
            for (int i = 0; i < keep; i++) {
                mass += p[id(ranked[i])];
                if (mass >= topP) {
                    keep = i + 1;
                    break;
                }
            }
        }
        float total = 0f;
        for (int i = 0; i < keep; i++) total += p[id(ranked[i])];
        float r = random.nextFloat() * total, running = 0f;
        for (int i = 0; i < keep; i++) {
            running += p[id(ranked[i])];
            if (r < running) return id(ranked[i]);
        }
        return id(ranked[keep - 1]); // rounding left r just past the last sum
    }

    private float[] probabilities(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        float[] p = new float[logits.length];
        float sum = 0f;
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /** Draw from the whole distribution. */
    private int draw(float[] p) {
        float r = random.nextFloat(), running = 0f;
        for (int i = 0; i < p.length; i++) {
            running += p[i];
            if (r < running) return i;
        }
        for (int i = p.length - 1; i > 0; i--) if (p[i] > 0) return i; // rounding: the last possible id
        return 0;
    }

    /**
     * Candidate ids, most likely first, each packed as (bits of p) << 32 | id: for p >= 0 the float
     * bits order like the values, so sorting the longs sorts by p.
     */
    private long[] ranked(float[] p) {
        float cutoff = topK == 0 && p.length > 1 ? (1f - topP) / (p.length - 1) : 0f;
        long[] keys = candidates(p, cutoff);
        if (keys.length == 0) keys = candidates(p, 0f); // topP below 1/n on a flat distribution: keep all
        int n = keys.length;
        Arrays.sort(keys);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        return keys;
    }

    private static long[] candidates(float[] p, float cutoff) {
        long[] keys = new long[p.length];
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= cutoff) keys[n++] = (long) Float.floatToIntBits(p[i]) << 32 | i;
        }
        return Arrays.copyOf(keys, n);
    }

    private static int id(long key) {
        return (int) key;
    }
}
