package dev.glassbox.model.grad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded sample of element indices, so checks stay seconds long on larger activations. */
final class Sample {
    private Sample() {}

    /** All of 0..size-1 when size ≤ limit; otherwise {@code limit} of them, chosen by {@code seed}. */
    static List<Integer> indices(int size, int limit, long seed) {
        List<Integer> all = new ArrayList<>(size);
        for (int e = 0; e < size; e++) all.add(e);
        if (size <= limit) return all;
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, limit);
    }
}
