package dev.glassbox.tensor.quant;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.Random;

/**
 * A quick single-thread throughput check of {@link QuantizedMatrix#matVec}: GB of encoded weights read
 * per second, for each type, with the scalar and the vector kernels. The matrix is larger than the
 * last-level cache so that memory, not cache, feeds the kernel.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp glassbox-core/target/classes:glassbox-tensor/target/classes \
 *      dev.glassbox.tensor.quant.MatVecBenchmark [rows cols [seconds-per-case [TYPE,TYPE...]]]
 * </pre>
 */
public final class MatVecBenchmark {
    private MatVecBenchmark() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 16384;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 1.5;
        Random random = new Random(1);
        float[] x = new float[cols];
        for (int i = 0; i < cols; i++) x[i] = (float) random.nextGaussian();
        float[] y = new float[rows];
        float[] row = new float[cols];
        System.out.printf(Locale.ROOT, "matVec [%d][%d], one thread, %s%n", rows, cols, Runtime.version());
        System.out.printf(Locale.ROOT, "memory read (sum of a %d MiB segment, Vector API): %.2f GB/s%n", 256,
                readBandwidth(256L << 20, seconds));
        System.out.printf(Locale.ROOT, "%-6s %10s %14s %14s%n", "type", "MiB", "scalar GB/s", "vector GB/s");
        GgmlType[] types = args.length > 3
                ? java.util.Arrays.stream(args[3].split(",")).map(GgmlType::valueOf).toArray(GgmlType[]::new)
                : new GgmlType[] {GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q6_K, GgmlType.Q4_K,
                        GgmlType.Q4_0};
        for (GgmlType type : types) {
            long rowBytes = type.rowBytes(cols);
            MemorySegment data = Arena.ofAuto().allocate(rows * rowBytes, 64);
            for (int r = 0; r < rows; r++) {
                if (r < 64) for (int c = 0; c < cols; c++) row[c] = (float) random.nextGaussian() * 0.02f;
                Quantization.quantize(type, row, 0, cols, data, r * rowBytes); // 64 distinct rows, repeated
            }
            QuantizedMatrix m = QuantizedMatrix.of(type, rows, cols, data);
            double scalar = gbPerSecond(m.withKernels(BlockKernels.scalar()), x, y, seconds / 3);
            double vector = gbPerSecond(m.withKernels(BlockKernels.vector()), x, y, seconds);
            System.out.printf(Locale.ROOT, "%-6s %10.1f %14.2f %14.2f%n", type, data.byteSize() / 1048576.0, scalar, vector);
        }
    }

    /** The reference: how fast one thread can stream bytes from memory at all (best of repeated sums). */
    private static double readBandwidth(long bytes, double seconds) {
        MemorySegment data = Arena.ofAuto().allocate(bytes, 64);
        data.fill((byte) 1);
        var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
        double best = 0;
        float sink = 0;
        for (int phase = 0; phase < 2; phase++) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                for (long chunk = 0; chunk < bytes; chunk += 1 << 20) { // int-indexed inner loops compile best
                    sink += sumChunk(data, chunk, 1 << 20);
                }
                if (phase == 1) best = Math.max(best, bytes / (double) (System.nanoTime() - t));
            }
        }
        return sink == 42 ? best + 1e-9 : best;
    }

    private static float sumChunk(MemorySegment data, long from, int bytes) {
        var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
        var acc = jdk.incubator.vector.FloatVector.zero(species);
        for (int i = 0; i < bytes; i += species.vectorByteSize()) {
            acc = acc.add(jdk.incubator.vector.FloatVector.fromMemorySegment(species, data, from + i,
                    java.nio.ByteOrder.LITTLE_ENDIAN));
        }
        return acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Best of repeated runs after a warm-up of the same length. */
    private static double gbPerSecond(QuantizedMatrix m, float[] x, float[] y, double seconds) {
        long bytes = m.data().byteSize();
        double best = 0;
        for (int phase = 0; phase < 2; phase++) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                m.matVec(x, 0, y, 0);
                double gbs = bytes / (double) (System.nanoTime() - t);
                if (phase == 1) best = Math.max(best, gbs);
            }
        }
        return best;
    }
}
