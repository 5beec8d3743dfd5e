package dev.glassbox.tensor.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.BlockKernels;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.QuantizedMatrix;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Products with rows shared out between threads give exactly (bit for bit) the values of one thread, for
 * every type, both kernels, single inputs (generation) and batches (prompts), and row counts that do not
 * fill the last tile.
 */
class ParallelProductsTest {

    @ParameterizedTest
    @CsvSource({"F32, 301, 256", "F16, 301, 256", "BF16, 133, 512", "Q8_0, 301, 512", "Q4_0, 301, 512",
            "Q4_K, 130, 512", "Q6_K, 130, 512"})
    void threadsDoNotChangeAnyValue(GgmlType type, int rows, int cols) {
        Random random = new Random(type.ordinal());
        float[] w = random(random, rows * cols);
        QuantizedMatrix quantized = QuantizedMatrix.quantize(type, rows, cols, w);
        WeightMatrix[] matrices = {quantized.withKernels(BlockKernels.vector()), quantized.withKernels(BlockKernels.scalar()),
                quantized.dequantize()};
        try (ThreadPool two = new ThreadPool(2); ThreadPool three = new ThreadPool(3)) {
            for (WeightMatrix m : matrices) {
                for (int n : new int[] {1, 2, 5, 13}) {
                    float[] x = random(random, n * cols + 3);
                    float[] serial = new float[n * rows + 1];
                    m.matMul(x, 3, n, serial, 1);
                    for (ThreadPool pool : new ThreadPool[] {two, three}) {
                        assertTrue(m.worthSplitting(n, pool) || n < 2, m + " n=" + n + " should be split");
                        float[] parallel = new float[n * rows + 1];
                        m.matMul(x, 3, n, parallel, 1, pool);
                        assertArrayEquals(serial, parallel, 0f, m + " with " + pool.threads() + " threads, n=" + n);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"Q8_0", "Q4_0", "F16"})
    void anyRowSplitOfTheBatchedKernelGivesTheSameValues(GgmlType type) {
        int rows = 23, cols = 96, n = 9;
        Random random = new Random(7);
        QuantizedMatrix m = QuantizedMatrix.quantize(type, rows, cols, random(random, rows * cols))
                .withKernels(BlockKernels.vector());
        float[] x = random(random, n * cols);
        float[] whole = new float[n * rows];
        m.kernels().matMulRows(type, m.data(), rows, cols, 0, rows, x, 0, n, whole, 0);
        for (int cut : new int[] {1, 2, 3, 5, 7, 22}) {
            float[] split = new float[n * rows];
            m.kernels().matMulRows(type, m.data(), rows, cols, 0, cut, x, 0, n, split, 0);
            m.kernels().matMulRows(type, m.data(), rows, cols, cut, rows, x, 0, n, split, 0);
            assertArrayEquals(whole, split, 0f, "cut at row " + cut);
        }
        float[] plain = new float[n * rows];
        FloatMatrix decoded = m.dequantize();
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                plain[i * rows + r] = dev.glassbox.tensor.kernels.Kernels.vector().dot(decoded.data(), r * cols, x, i * cols, cols);
            }
        }
        assertArrayEquals(plain, whole, 0f, "each value is the vector dot product of the decoded row");
    }

    private static float[] random(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
        return x;
    }
}
