package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Random;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Why Q4_0 generation stays compute-bound: one thread's matrix-vector throughput for Q4_0 rows with the
 * kernel Glassbox uses and with the two other ways the Vector API allows, side by side on the same matrix.
 * Not used by the runtime; it backs the figures in docs/benchmarks.md. Written for AVX-512 (the benchmark machine):
 * the table variant uses 512-bit vectors whatever the hardware.
 * <ol>
 *   <li>float (Glassbox): nibbles widened to float lanes, multiplied with float activations;
 *   <li>int16 on 8-bit activations (llama.cpp's numerics): the activation rounded to Q8_0 blocks once, codes
 *       times activation bytes in 16-bit lanes, pairs summed into 32-bit lanes, one float conversion and one
 *       multiply-add per block. llama.cpp does the same with one instruction per 32 products (maddubs or
 *       VNNI's vpdpbusd); the Vector API has neither, so it takes six here;
 *   <li>table: the 16 possible weights d*(q-8) of a block put in one float vector and picked per code with a
 *       lane permute.
 * </ol>
 * <pre>
 * java --add-modules jdk.incubator.vector -cp glassbox-core/target/classes:glassbox-tensor/target/classes \
 *      dev.glassbox.tensor.quant.Q4_0Alternatives [rows cols [seconds]]
 * </pre>
 */
public final class Q4_0Alternatives {
    private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> S256 = ShortVector.SPECIES_256;
    private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> F512 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I512 = IntVector.SPECIES_512;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final FloatVector CODES = FloatVector.fromArray(F512,
            new float[] {-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7}, 0);

    private Q4_0Alternatives() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 9216;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 2304;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        Random random = new Random(1);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian() * 0.02f;
        QuantizedMatrix m = QuantizedMatrix.of(GgmlType.Q4_0, rows, cols, Quantization.quantize(GgmlType.Q4_0, values));
        float[] x = new float[cols];
        for (int i = 0; i < cols; i++) x[i] = (float) random.nextGaussian();
        long rowBytes = GgmlType.Q4_0.rowBytes(cols);
        MemorySegment w = m.data();

        float[] exact = new float[rows], y = new float[rows];
        m.withKernels(BlockKernels.scalar()).matVec(x, 0, exact, 0);
        short[] xq = new short[cols];
        float[] xd = new float[cols / 32];
        System.out.printf(Locale.ROOT, "Q4_0 matVec [%d][%d] (%.1f MB), one thread, %s%n", rows, cols, w.byteSize() / 1e6,
                Runtime.version());
        System.out.printf(Locale.ROOT, "%-34s %8s %22s%n", "kernel", "GB/s", "max |y - exact| / max|y|");
        report("float (Glassbox)", w.byteSize(), seconds, exact, y, () -> m.matVec(x, 0, y, 0));
        report("int16 on 8-bit activations", w.byteSize(), seconds, exact, y, () -> {
            quantizeActivation(x, xq, xd);
            for (int r = 0; r < rows; r++) y[r] = dotInt16(w, r * rowBytes, xq, xd, cols);
        });
        report("table of the block's 16 weights", w.byteSize(), seconds, exact, y, () -> {
            for (int r = 0; r < rows; r++) y[r] = dotTable(w, r * rowBytes, x, cols);
        });
    }

    private static void report(String name, long bytes, double seconds, float[] exact, float[] y, Runnable product) {
        double best = 0;
        for (int phase = 0; phase < 2; phase++) { // a warm-up of the same length first
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                product.run();
                if (phase == 1) best = Math.max(best, bytes / (double) (System.nanoTime() - t));
            }
        }
        double largest = 0, error = 0;
        for (int r = 0; r < y.length; r++) {
            largest = Math.max(largest, Math.abs(exact[r]));
            error = Math.max(error, Math.abs(y[r] - exact[r]));
        }
        System.out.printf(Locale.ROOT, "%-34s %8.2f %22.2e%n", name, best, error / largest);
    }

    /** ggml's quantize_row_q8_0 into 16-bit lanes: per block of 32, d = max|x| / 127 and q = round(x / d). */
    private static void quantizeActivation(float[] x, short[] q, float[] d) {
        for (int b = 0; b < d.length; b++) {
            float amax = 0;
            for (int j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[32 * b + j]));
            d[b] = amax / 127f;
            float id = amax != 0 ? 127f / amax : 0f;
            for (int j = 0; j < 32; j++) q[32 * b + j] = (short) Q8_0.roundHalfAway(x[32 * b + j] * id);
        }
    }

    /**
     * Per block: 16 lanes of lo*a_lo + hi*a_hi (each at most 2 * 8 * 127 in magnitude), adjacent lanes summed
     * into 8 int lanes as (v + (v << 16)) >> 16 on the int view, converted, times d_w * d_a.
     */
    private static float dotInt16(MemorySegment w, long at, short[] xq, float[] xd, int cols) {
        FloatVector acc = FloatVector.zero(F256);
        for (int b = 0; b < cols / 32; b++, at += Q4_0.BYTES) {
            ShortVector s = (ShortVector) ByteVector.fromMemorySegment(B128, w, at + 2, LE)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2S, S256, 0);
            ShortVector lo = s.and((short) 15).sub((short) 8);
            ShortVector hi = s.lanewise(VectorOperators.LSHR, 4).sub((short) 8);
            ShortVector p = lo.mul(ShortVector.fromArray(S256, xq, 32 * b)).add(hi.mul(ShortVector.fromArray(S256, xq, 32 * b + 16)));
            IntVector pairs = p.reinterpretAsInts();
            IntVector sums = pairs.add(pairs.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
            acc = ((FloatVector) sums.convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F256, Bytes.f16(w, at) * xd[b]), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** Per block: t = d * (-8..7); low codes pick elements 0..15 of the block from t, high codes 16..31. */
    private static float dotTable(MemorySegment w, long at, float[] x, int cols) {
        FloatVector acc = FloatVector.zero(F512), acc2 = acc;
        for (int b = 0; b < cols / 32; b++, at += Q4_0.BYTES) {
            IntVector q = (IntVector) ByteVector.fromMemorySegment(B128, w, at + 2, LE)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, I512, 0);
            FloatVector t = CODES.mul(Bytes.f16(w, at));
            acc = t.rearrange(q.and(15).toShuffle().cast(F512)).fma(FloatVector.fromArray(F512, x, 32 * b), acc);
            acc2 = t.rearrange(q.lanewise(VectorOperators.LSHR, 4).toShuffle().cast(F512))
                    .fma(FloatVector.fromArray(F512, x, 32 * b + 16), acc2);
        }
        return acc.add(acc2).reduceLanes(VectorOperators.ADD);
    }
}
