package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {1f, 3f, 2f, 3f, -1f};

    private static int[] draws(Sampling sampling, int n) {
        Sampler sampler = Sampler.of(sampling);
        return IntStream.range(0, n).map(i -> sampler.sample(LOGITS)).toArray();
    }

    @Test
    void greedyTakesTheFirstMaximum() {
        assertEquals(1, Sampler.of(Sampling.greedy()).sample(LOGITS));
        assertTrue(Sampler.of(Sampling.greedy()) instanceof GreedySampler);
    }

    @Test
    void sameSeedSameDrawsOtherSeedOtherDraws() {
        Sampling a = new Sampling(1f, 0, 1f, 42);
        assertArrayEquals(draws(a, 50), draws(a, 50));
        assertNotEquals(java.util.Arrays.toString(draws(a, 50)), java.util.Arrays.toString(draws(new Sampling(1f, 0, 1f, 43), 50)));
    }

    @Test
    void temperatureOneDrawsTheSoftmax() {
        int n = 40_000;
        int[] counts = new int[LOGITS.length];
        for (int id : draws(new Sampling(1f, 0, 1f, 7), n)) counts[id]++;
        double z = 0;
        for (float l : LOGITS) z += Math.exp(l);
        for (int i = 0; i < LOGITS.length; i++) {
            double expected = Math.exp(LOGITS[i]) / z;
            assertEquals(expected, counts[i] / (double) n, 0.01, "id " + i);
        }
    }

    @Test
    void lowTemperatureConcentratesOnTheMaxima() {
        for (int id : draws(new Sampling(0.01f, 0, 1f, 3), 200)) assertTrue(id == 1 || id == 3, "id " + id);
    }

    @Test
    void topKKeepsOnlyTheKMostLikely() {
        for (int id : draws(new Sampling(5f, 3, 1f, 1), 500)) assertTrue(id == 1 || id == 2 || id == 3, "id " + id);
        int[] one = draws(new Sampling(5f, 1, 1f, 1), 50);
        assertTrue(IntStream.of(one).allMatch(id -> id == one[0]) && (one[0] == 1 || one[0] == 3));
    }

    @Test
    void topPKeepsTheSmallestNucleus() {
        // p = softmax(LOGITS) ~ {0.06, 0.42, 0.16, 0.42, 0.01}: 0.5 needs the two at 0.42, 0.9 adds id 2
        for (int id : draws(new Sampling(1f, 0, 0.5f, 9), 500)) assertTrue(id == 1 || id == 3, "id " + id);
        int[] counts = new int[LOGITS.length];
        for (int id : draws(new Sampling(1f, 0, 0.9f, 9), 4000)) counts[id]++;
        assertEquals(0, counts[0] + counts[4]);
        assertTrue(counts[2] > 400, "id 2 is in the 0.9 nucleus: " + counts[2]);
    }

    @Test
    void tinyTopPOnAFlatDistributionStillDraws() {
        float[] flat = new float[512];
        int id = Sampler.of(new Sampling(1f, 0, 1e-6f, 1)).sample(flat);
        assertTrue(id >= 0 && id < 512);
    }

    @Test
    void parametersOutOfRange() {
        assertThrows(InvalidInputException.class, () -> new Sampling(-1f, 0, 1f, 0));
        assertThrows(InvalidInputException.class, () -> new Sampling(Float.NaN, 0, 1f, 0));
        assertThrows(InvalidInputException.class, () -> new Sampling(1f, -1, 1f, 0));
        assertThrows(InvalidInputException.class, () -> new Sampling(1f, 0, 0f, 0));
        assertThrows(InvalidInputException.class, () -> new Sampling(1f, 0, 1.5f, 0));
    }
}
