package dev.glassbox.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order, for the products whose values must not depend on how
 * they were computed. {@code reduceLanes(ADD)} may not be used there: its order is left open, and the JIT's
 * order differs from the interpreter's (measured: 2 in 3 sums of random floats differ in the last bit), so
 * a row's value would depend on whether its kernel had been compiled yet, and so on the thread and the
 * moment. Here every lane adds the lane half a vector away, then a quarter, and so on (a pairwise tree):
 * <pre>
 *   16 lanes:  v += rotate(v, 8);  v += rotate(v, 4);  v += rotate(v, 2);  v += rotate(v, 1);  sum = v[0]
 * </pre>
 * Lane-wise adds are exact IEEE operations, so interpreted and compiled code give the same bits; a
 * rotation and an add per halving cost about what {@code reduceLanes} costs.
 */
public final class LaneSums {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    // Rotations by FL/2, FL/4, ..., FL/64 (null below one lane): enough for vectors of up to 64 lanes.
    private static final VectorShuffle<Float> R0 = rotation(FL / 2), R1 = rotation(FL / 4), R2 = rotation(FL / 8);
    private static final VectorShuffle<Float> R3 = rotation(FL / 16), R4 = rotation(FL / 32), R5 = rotation(FL / 64);

    private LaneSums() {}

    /**
     * The lanes of {@code v} (of the preferred species) summed in the fixed pairwise order. This method and
     * its helpers are each under the JIT's 35-byte limit for inlining at rarely run call sites (the sum
     * after a loop is one): a vector passed to a method that is not inlined is boxed into an object, and
     * the vector operations inside it no longer compile to instructions (measured: 2 MB of garbage per
     * matrix-vector product, and slower).
     */
    public static float sum(FloatVector v) {
        return low(high(v)).lane(0);
    }

    /**
     * The same sum of lanes stored at lanes[off..off+FL-1] (a vector written with {@code intoArray}), in
     * scalar code: the same additions in the same tree, so the same bits. May overwrite the lanes. For kernels
     * that sum many accumulators at once, where so much inlined vector code would exceed the JIT's budget.
     */
    public static float sum(float[] lanes, int off) {
        if (FL == 16) return sum16(lanes, off);
        for (int step = FL / 2; step >= 1; step /= 2) {
            for (int i = off; i < off + step; i++) lanes[i] += lanes[i + step];
        }
        return lanes[off];
    }

    /** The 16-lane tree written out (AVX-512): no loop, and the adds of a level are independent. */
    private static float sum16(float[] a, int o) {
        float s0 = a[o] + a[o + 8], s1 = a[o + 1] + a[o + 9], s2 = a[o + 2] + a[o + 10], s3 = a[o + 3] + a[o + 11];
        float s4 = a[o + 4] + a[o + 12], s5 = a[o + 5] + a[o + 13], s6 = a[o + 6] + a[o + 14], s7 = a[o + 7] + a[o + 15];
        float t0 = s0 + s4, t1 = s1 + s5, t2 = s2 + s6, t3 = s3 + s7;
        return (t0 + t2) + (t1 + t3);
    }

    private static FloatVector high(FloatVector v) {
        return fold(fold(fold(v, R0), R1), R2);
    }

    private static FloatVector low(FloatVector v) {
        return fold(fold(fold(v, R3), R4), R5);
    }

    /** v + rotate(v); no rotation (a step below one lane) adds nothing. */
    private static FloatVector fold(FloatVector v, VectorShuffle<Float> rotation) {
        return rotation == null ? v : v.add(v.rearrange(rotation));
    }

    /**
     * Lane i takes lane (i + by) mod FL; null for a step smaller than one lane. Built from explicit indexes:
     * an iota shuffle that wraps ran about 3 times slower (its indexes are checked on every use).
     */
    private static VectorShuffle<Float> rotation(int by) {
        return by < 1 ? null : VectorShuffle.fromOp(F, i -> (i + by) % FL);
    }
}
