package dev.glassbox.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.tensor.FloatMatrix;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against the scalar ones, and both against the dequantized matrix as a
 * {@link FloatMatrix}, on random data: every product a transformer takes from a weight matrix.
 */
class BlockKernelsTest {

    /** |a - b| within float rounding of a sum of n terms of magnitude sum |w x|. */
    private static void assertClose(float expected, float actual, double scale, String what) {
        double tolerance = 1e-5 * scale + 1e-6;
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + ", got " + actual
                + " (tolerance " + tolerance + ")");
    }

    private static float[] random(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
        return x;
    }

    @ParameterizedTest
    @CsvSource({"F32, 7, 37", "F16, 7, 37", "BF16, 7, 37", "Q8_0, 9, 96", "Q4_0, 9, 96", "Q4_K, 5, 512", "Q6_K, 5, 512",
            "F32, 3, 256", "F16, 3, 256", "BF16, 3, 256", "Q8_0, 3, 32", "Q4_0, 3, 32", "Q4_K, 3, 256", "Q6_K, 3, 256"})
    void vectorScalarAndDequantizedAgree(GgmlType type, int rows, int cols) {
        Random random = new Random(type.ordinal() * 31L + cols);
        QuantizedMatrix m = QuantizedMatrix.quantize(type, rows, cols, random(random, rows * cols));
        QuantizedMatrix scalar = m.withKernels(BlockKernels.scalar());
        QuantizedMatrix vector = m.withKernels(BlockKernels.vector());
        FloatMatrix plain = m.dequantize();
        int n = 3;
        float[] x = random(random, n * cols + 2); // offsets: inputs start at 2
        for (int i = 0; i < n; i++) {
            float[] ys = new float[rows], yv = new float[rows + 1], yf = new float[rows];
            scalar.matVec(x, 2 + i * cols, ys, 0);
            vector.matVec(x, 2 + i * cols, yv, 1);
            plain.matVec(x, 2 + i * cols, yf, 0);
            for (int r = 0; r < rows; r++) {
                double scale = 0;
                for (int c = 0; c < cols; c++) scale += Math.abs(plain.get(r, c) * x[2 + i * cols + c]);
                assertClose(yf[r], ys[r], scale, type + " scalar row " + r);
                assertClose(yf[r], yv[r + 1], scale, type + " vector row " + r);
            }
        }
        float[] batch = new float[n * rows], batchScalar = new float[n * rows], one = new float[rows];
        vector.matMul(x, 2, n, batch, 0);
        scalar.matMul(x, 2, n, batchScalar, 0);
        for (int i = 0; i < n; i++) {
            vector.matVec(x, 2 + i * cols, one, 0);
            for (int r = 0; r < rows; r++) {
                assertEquals(one[r], batch[i * rows + r], type + " matMul input " + i + " row " + r);
                assertClose(one[r], batchScalar[i * rows + r], 100, type + " scalar matMul");
            }
        }
        // A longer batch (a prompt) decodes each row once and multiplies as floats.
        int long_ = VectorBlockKernels.DECODE_ROWS_FROM + 2;
        float[] xs = random(random, long_ * cols), ys = new float[long_ * rows], yf = new float[long_ * rows];
        vector.matMul(xs, 0, long_, ys, 0);
        plain.matMul(xs, 0, long_, yf, 0);
        for (int k = 0; k < ys.length; k++) assertClose(yf[k], ys[k], 100, type + " batch of " + long_ + ", entry " + k);
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_K", "Q6_K"})
    void rowsColumnsAndElementsDecodeAsTheWholeMatrix(GgmlType type) {
        int rows = 4, cols = 512;
        Random random = new Random(5);
        QuantizedMatrix m = QuantizedMatrix.quantize(type, rows, cols, random(random, rows * cols));
        FloatMatrix plain = m.dequantize();
        float[] row = new float[cols + 1];
        for (int r = 0; r < rows; r++) {
            m.copyRow(r, row, 1);
            for (int c = 0; c < cols; c++) {
                assertEquals(plain.get(r, c), row[c + 1]);
                assertEquals(plain.get(r, c), m.get(r, c));
            }
        }
        // One head's band of columns, not aligned to blocks.
        int start = 40, count = 300;
        float[] x = random(random, count);
        float[] y = new float[rows], expected = new float[rows];
        m.matVecColumns(start, count, x, 0, y, 0);
        plain.matVecColumns(start, count, x, 0, expected, 0);
        for (int r = 0; r < rows; r++) assertClose(expected[r], y[r], 300, type + " band row " + r);
    }

    /**
     * Every one of the 65536 half-precision bit patterns, infinities and NaNs included, decodes in the
     * vector kernel exactly as {@link Float#float16ToFloat} does (the same for bfloat16): row p holds
     * pattern p at column p mod 16 and zeros elsewhere, and input i is the unit vector e_i.
     */
    @ParameterizedTest
    @EnumSource(names = {"F16", "BF16"})
    void vectorDecodesEverySixteenBitPattern(GgmlType type) {
        int rows = 65536, cols = 16;
        MemorySegment data = MemorySegment.ofArray(new byte[rows * cols * 2]);
        for (int p = 0; p < rows; p++) {
            data.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 2L * (p * cols + p % cols), (short) p);
        }
        QuantizedMatrix m = QuantizedMatrix.of(type, rows, cols, data).withKernels(BlockKernels.vector());
        float[] identity = new float[cols * cols];
        for (int i = 0; i < cols; i++) identity[i * cols + i] = 1f;
        float[] y = new float[cols * rows];
        m.matMul(identity, 0, cols, y, 0);
        for (int p = 0; p < rows; p++) {
            float expected = type == GgmlType.F16 ? Float.float16ToFloat((short) p) : Float.intBitsToFloat(p << 16);
            float actual = y[(p % cols) * rows + p];
            if (Float.isNaN(expected)) {
                assertTrue(Float.isNaN(actual), "pattern " + Integer.toHexString(p));
            } else {
                assertEquals(expected, actual, 0f, "pattern " + Integer.toHexString(p)); // -0 sums to +0
            }
        }
    }

    @Test
    void preferredFollowsTheFloatKernels() {
        assertEquals(dev.glassbox.tensor.kernels.Kernels.preferred().name(), BlockKernels.preferred().name());
    }
}
