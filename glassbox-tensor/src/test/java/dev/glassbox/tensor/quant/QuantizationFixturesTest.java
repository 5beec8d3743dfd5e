package dev.glassbox.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * One hand-built block per format: its bytes written out here, and the values ggml's dequantization
 * formula gives for them, computed by hand for a few elements (see the comments) and by a direct reading of
 * the layout for all. The quantizers are checked on inputs whose codes can be worked out by hand.
 */
class QuantizationFixturesTest {

    private static MemorySegment bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return MemorySegment.ofArray(b);
    }

    private static int[] unsigned(MemorySegment s) {
        byte[] b = s.toArray(ValueLayout.JAVA_BYTE);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xFF;
        return out;
    }

    @Test
    void q8_0QuantizesToTheIntegersWhenTheLargestMagnitudeIs127() {
        // x_j = 8j - 127: max |x| = 127, so d = 127/127 = 1 (f16 0x3C00, bytes 00 3C) and q_j = x_j.
        float[] x = new float[32];
        for (int j = 0; j < 32; j++) x[j] = 8 * j - 127;
        x[5] = 2.5f;   // a tie: roundf takes it away from zero, to 3
        x[6] = -2.5f;  // and this one to -3 (Math.round would give -2)
        MemorySegment block = Quantization.quantize(GgmlType.Q8_0, x);
        int[] b = unsigned(block);
        assertEquals(34, b.length);
        assertEquals(0x00, b[0]);
        assertEquals(0x3C, b[1]);
        assertEquals(-127, (byte) b[2]);
        assertEquals(-119, (byte) b[3]);
        assertEquals(3, (byte) b[2 + 5]);
        assertEquals(-3, (byte) b[2 + 6]);
        assertEquals(121, (byte) b[2 + 31]);
        float[] back = Quantization.dequantize(GgmlType.Q8_0, block, 32);
        assertEquals(-127f, back[0]);
        assertEquals(3f, back[5]);
        assertEquals(-3f, back[6]);
        assertEquals(121f, back[31]);
    }

    @Test
    void q8_0DequantizesAsCodeTimesScale() {
        // d = f16 0x3800 = 0.5; q = 0, 1, -1, 127, -128, then 2, 3, ... : value = q * 0.5.
        int[] raw = new int[34];
        raw[0] = 0x00;
        raw[1] = 0x38;
        int[] q = {0, 1, -1, 127, -128};
        for (int j = 0; j < 32; j++) raw[2 + j] = j < q.length ? q[j] : j - 3;
        float[] v = Quantization.dequantize(GgmlType.Q8_0, bytes(raw), 32);
        assertEquals(0f, v[0]);
        assertEquals(0.5f, v[1]);
        assertEquals(-0.5f, v[2]);
        assertEquals(63.5f, v[3]);
        assertEquals(-64f, v[4]);
        assertEquals(14f, v[31]); // q = 28
    }

    @Test
    void q4_0PutsElementsJAndJPlus16InOneByte() {
        // x_j = (j mod 16) - 8: the first value of largest magnitude is -8, so d = -8 / -8 = 1 (00 3C) and
        // q = trunc(x + 8.5) = j mod 16 for both element j (low nibble) and j+16 (high nibble): byte j = 0x11 * j.
        float[] x = new float[32];
        for (int j = 0; j < 32; j++) x[j] = (j % 16) - 8;
        MemorySegment block = Quantization.quantize(GgmlType.Q4_0, x);
        int[] b = unsigned(block);
        assertEquals(18, b.length);
        assertEquals(0x00, b[0]);
        assertEquals(0x3C, b[1]);
        for (int j = 0; j < 16; j++) assertEquals(0x11 * j, b[2 + j], "byte " + j);
        assertArrayEquals(x, Quantization.dequantize(GgmlType.Q4_0, block, 32));
    }

    @Test
    void q4_0DequantizesLowNibblesFirst() {
        // d = f16 0xC000 = -2; byte j = 0xF0 | j: element j = (j - 8) * -2, element j + 16 = (15 - 8) * -2 = -14.
        int[] raw = new int[18];
        raw[0] = 0x00;
        raw[1] = 0xC0;
        for (int j = 0; j < 16; j++) raw[2 + j] = 0xF0 | j;
        float[] v = Quantization.dequantize(GgmlType.Q4_0, bytes(raw), 32);
        assertEquals(16f, v[0]);   // (0 - 8) * -2
        assertEquals(-14f, v[15]); // (15 - 8) * -2
        assertEquals(-14f, v[16]);
        assertEquals(-14f, v[31]);
        for (int j = 0; j < 16; j++) assertEquals((j - 8) * -2f, v[j]);
    }

    /** d = 1, dmin = 0.5; sub-block scales and minimums below, packed by hand into 12 bytes. */
    private static final int[] Q4K_SC = {1, 2, 3, 4, 17, 33, 50, 63};
    private static final int[] Q4K_M = {0, 1, 2, 3, 20, 40, 60, 63};

    private static MemorySegment q4kFixture() {
        int[] raw = new int[144];
        raw[0] = 0x00; raw[1] = 0x3C; // d = 1
        raw[2] = 0x00; raw[3] = 0x38; // dmin = 0.5
        // j < 4: scales[j] = sc_j | top2(sc_{j+4}) << 6, scales[j+4] = m_j | top2(m_{j+4}) << 6
        //   17 = 01 0001, 33 = 10 0001, 50 = 11 0010, 63 = 11 1111; 20 = 01 0100, 40 = 10 1000, 60 = 11 1100
        int[] scales = {0x41, 0x82, 0xC3, 0xC4, 0x40, 0x81, 0xC2, 0xC3,
                // j >= 4: scales[j+4] = low4(sc_j) | low4(m_j) << 4
                0x41, 0x81, 0xC2, 0xFF};
        System.arraycopy(scales, 0, raw, 4, 12);
        // qs[i]: low nibble i mod 16, high nibble 15 - i mod 16
        for (int i = 0; i < 128; i++) raw[16 + i] = (i % 16) | ((15 - i % 16) << 4);
        return bytes(raw);
    }

    @Test
    void q4_KUnpacksItsSixBitScalesAndMinimums() {
        MemorySegment block = q4kFixture();
        int[] all = new int[16];
        Q4_K.scalesAndMins(block, 0, all);
        for (int j = 0; j < 8; j++) {
            assertEquals(Q4K_SC[j], Q4_K.scale(block, 0, j), "scale " + j);
            assertEquals(Q4K_M[j], Q4_K.min(block, 0, j), "min " + j);
            assertEquals(Q4K_SC[j], all[j], "scale " + j + " unpacked together");
            assertEquals(Q4K_M[j], all[8 + j], "min " + j + " unpacked together");
        }
    }

    @Test
    void q4_KDequantizesAsScaleTimesCodeMinusMinimum() {
        float[] v = Quantization.dequantize(GgmlType.Q4_K, q4kFixture(), 256);
        assertEquals(0f, v[0]);        // sub-block 0: 1*1*0 - 0.5*0
        assertEquals(5f, v[5]);        // 1*1*5
        assertEquals(29.5f, v[32]);    // sub-block 1, high nibble of qs[0] = 15: 1*2*15 - 0.5*1
        assertEquals(24f, v[130]);     // sub-block 4, low nibble of qs[66] = 2: 1*17*2 - 0.5*20
        assertEquals(370f, v[200]);    // sub-block 6, low nibble of qs[104] = 8: 1*50*8 - 0.5*60
        assertEquals(-31.5f, v[255]);  // sub-block 7, high nibble of qs[127] = 0: 0 - 0.5*63
        for (int e = 0; e < 256; e++) {
            int c = e / 64, r = e % 64;
            int sub = r < 32 ? 2 * c : 2 * c + 1;
            int q = r < 32 ? r % 16 : 15 - (r - 32) % 16;
            assertEquals(1f * Q4K_SC[sub] * q - 0.5f * Q4K_M[sub], v[e], "element " + e);
        }
    }

    private static MemorySegment q6kFixture() {
        int[] raw = new int[210];
        for (int i = 0; i < 128; i++) raw[i] = i;           // ql
        for (int i = 0; i < 64; i++) raw[128 + i] = i;      // qh
        for (int k = 0; k < 16; k++) raw[192 + k] = k - 8;  // scales -8..7
        raw[208] = 0x00; raw[209] = 0x34;                   // d = 0.25
        return bytes(raw);
    }

    @Test
    void q6_KDequantizesAsScaleTimesCodeMinus32() {
        float[] v = Quantization.dequantize(GgmlType.Q6_K, q6kFixture(), 256);
        assertEquals(64f, v[0]);     // ql[0] = 0, qh[0] = 0: q = 0; scale 0 is -8: 0.25 * -8 * (0 - 32)
        assertEquals(30f, v[1]);     // low 4 bits of ql[1] = 1, bits 0-1 of qh[1] = 1: q = 17; 0.25*-8*(17-32)
        assertEquals(46.5f, v[33]);  // low 4 of ql[33] = 1, bits 2-3 of qh[1] = 0: q = 1; scale 2 = -6: 0.25*-6*-31
        assertEquals(4f, v[200]);    // high 4 of ql[72] = 4, bits 4-5 of qh[40] = 2: q = 36; scale 12 = 4: 0.25*4*4
        for (int e = 0; e < 256; e++) {
            int h = e / 128, r = e % 128, quarter = r / 32, l = r % 32;
            int ql = 64 * h + l + (quarter % 2) * 32;
            int low = quarter < 2 ? ql & 0x0F : ql >> 4;
            int high = ((32 * h + l) >> (2 * quarter)) & 3;
            int q = low | (high << 4);
            assertEquals(0.25f * (e / 16 - 8) * (q - 32), v[e], "element " + e);
        }
    }

    @Test
    void halfFormatsRoundToNearestEven() {
        assertEquals((short) 0x3C00, Half.floatToF16(1f));
        assertEquals((short) 0xC000, Half.floatToF16(-2f));
        assertEquals((short) 0x7BFF, Half.floatToF16(65504f));
        assertEquals((short) 0x3F80, Half.floatToBf16(1f));
        assertEquals((short) 0x3F80, Half.floatToBf16(Float.intBitsToFloat(0x3F808000))); // tie, to even
        assertEquals((short) 0x3F82, Half.floatToBf16(Float.intBitsToFloat(0x3F818000))); // tie, to even
        assertEquals((short) 0x3F81, Half.floatToBf16(Float.intBitsToFloat(0x3F808001)));
        assertEquals(true, Float.isNaN(Half.bf16ToFloat(Half.floatToBf16(Float.NaN))));
        assertEquals(1f, Quantization.roundTrip(GgmlType.BF16, 1f));
    }
}
