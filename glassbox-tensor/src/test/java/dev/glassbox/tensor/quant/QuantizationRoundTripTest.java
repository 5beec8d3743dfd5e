package dev.glassbox.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encoding then decoding random weights loses no more than each format's precision allows. */
class QuantizationRoundTripTest {

    static float[] gaussian(long seed, int n, float scale) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian() * scale;
        return x;
    }

    /** Relative RMS error of the round trip, for each format a bound well above what ggml's quantizers reach. */
    @ParameterizedTest
    @CsvSource({"F32, 0", "F16, 0.001", "BF16, 0.005", "Q8_0, 0.01", "Q6_K, 0.03", "Q4_K, 0.12", "Q4_0, 0.15"})
    void roundTripErrorIsWithinTheFormatsPrecision(GgmlType type, double bound) {
        float[] x = gaussian(7, 256 * 8, 0.02f);
        MemorySegment encoded = Quantization.quantize(type, x);
        assertEquals(type.byteSize(x.length), encoded.byteSize());
        float[] back = Quantization.dequantize(type, encoded, x.length);
        double err = 0, norm = 0;
        for (int i = 0; i < x.length; i++) {
            err += (back[i] - x[i]) * (back[i] - x[i]);
            norm += x[i] * x[i];
        }
        double relative = Math.sqrt(err / norm);
        assertTrue(relative <= bound, type + ": relative RMS error " + relative + " > " + bound);
        for (int i = 0; i < x.length; i += 97) {
            assertEquals(back[i], Quantization.dequantizeOne(type, encoded, 0, i), type + " element " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"Q8_0", "Q4_0", "Q4_K", "Q6_K"})
    void zeroBlocksStayZero(GgmlType type) {
        // Numerically zero: Q4_0 and Q6_K give -0.0, as ggml does (d = 0 / -8 is -0.0 there too).
        float[] back = Quantization.dequantize(type, Quantization.quantize(type, new float[256]), 256);
        for (float v : back) assertEquals(0f, v, 0f);
    }

    @Test
    void q4_KKeepsAnOffsetBlock() {
        // All values in [1, 2): the minimum is 0 (k-quant minimums only shift down), codes spread over 0..15.
        float[] x = new float[256];
        for (int i = 0; i < x.length; i++) x[i] = 1f + i / 256f;
        float[] back = Quantization.dequantize(GgmlType.Q4_K, Quantization.quantize(GgmlType.Q4_K, x), 256);
        for (int i = 0; i < x.length; i++) assertEquals(x[i], back[i], 0.07f, "element " + i);
    }

    @Test
    void partialBlocksAndTypesWithoutKernelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Quantization.quantize(GgmlType.Q8_0, new float[33]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quantization.quantize(GgmlType.Q5_K, new float[256]));
        assertTrue(e.getMessage().contains("Q5_K"), e.getMessage());
    }

    @Test
    void typeTableMatchesGgml() {
        assertEquals(GgmlType.Q4_K, GgmlType.byId(12).orElseThrow());
        assertEquals(GgmlType.BF16, GgmlType.byId(30).orElseThrow());
        assertTrue(GgmlType.byId(4).isEmpty());
        assertTrue(GgmlType.byId(-1).isEmpty());
        assertTrue(GgmlType.byId(1L << 40).isEmpty());
        assertEquals(144, GgmlType.Q4_K.byteSize(256));
        assertEquals(-1, GgmlType.Q4_K.byteSize(255));
        assertEquals(-1, GgmlType.Q8_0.byteSize(Long.MAX_VALUE / 32 * 32));
        assertEquals(GgmlType.Q4_0, GgmlType.named("q4_0").orElseThrow());
    }
}
