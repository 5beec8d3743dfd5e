package dev.glassbox.tensor.quant;

import dev.glassbox.tensor.kernels.LaneSums;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix-vector products (generation's) for Q8_0 and Q4_0 rows whose input does not stay in the 32 kB
 * level-1 cache next to the weights streaming through it: ffn_down's input is 9216 floats, 36 kB. With one
 * row at a time every weight byte then brought about four bytes of input in from level 2, and those products
 * ran at half the speed of the others. Here Q8_0 rows go four at a time and Q4_0 rows two at a time (four
 * make a kernel too large for the JIT's inlining budget, and its vectors then become objects), so each input
 * vector loaded serves the whole group. Shorter rows stay one at a time, which is faster for them (measured:
 * 11.4 GB/s against 8.2 on one thread for [9216][2304] Q8_0; 10.6 against 5.7 for [2304][9216]).
 *
 * <p>Each row is summed exactly as {@link VectorBlockKernels}'s one-row kernel sums it: per block,
 * {@code block = sum of q x} over the block's vectors in order from zero, then {@code acc = block * d + acc},
 * then the lanes of acc in {@link LaneSums}' order. So grouping rows changes no value.
 */
final class RowGroups {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    private static final VectorSpecies<Byte> B = FL >= 16 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;
    private static final int BL = B.length();
    private static final int PARTS = BL / FL;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    /** Longest input (in floats, 16 kB) that is still multiplied one row at a time. */
    static final int ONE_ROW_UP_TO = 4096;

    private RowGroups() {}

    /** Whether rows of {@code cols} values of {@code type} go in groups. */
    static boolean serves(GgmlType type, int cols) {
        return (type == GgmlType.Q8_0 || type == GgmlType.Q4_0) && cols > ONE_ROW_UP_TO;
    }

    /** y[yOff + r] = row r . x[xOff..] for rows from..to-1, in groups from {@code from}. */
    static void product(GgmlType type, MemorySegment w, int cols, int from, int to, float[] x, int xOff, float[] y, int yOff) {
        long rowBytes = type.rowBytes(cols);
        float[] lanes = new float[4 * FL];
        int r = from;
        if (type == GgmlType.Q8_0) {
            for (; r + 4 <= to; r += 4) q8_0(w, r * rowBytes, rowBytes, x, xOff, cols, y, yOff + r, lanes);
        } else {
            for (; r + 2 <= to; r += 2) q4_0(w, r * rowBytes, rowBytes, x, xOff, cols, y, yOff + r, lanes);
        }
        for (; r < to; r++) y[yOff + r] = VectorBlockKernels.INSTANCE.dot(type, w, r * rowBytes, x, xOff, cols);
    }

    /** Rows at at, at+stride, at+2*stride, at+3*stride; per block (sum_j q_j x_j) * d. */
    private static void q8_0(MemorySegment w, long at, long stride, float[] x, int xOff, int cols, float[] y, int yAt,
            float[] lanes) {
        FloatVector acc0 = FloatVector.zero(F), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        long at1 = at + stride, at2 = at1 + stride, at3 = at2 + stride;
        for (int b = 0; b < cols / Q8_0.BLOCK; b++) {
            long o = (long) b * Q8_0.BYTES;
            int xb = xOff + b * Q8_0.BLOCK;
            FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
            for (int j = 0; j < Q8_0.BLOCK; j += BL) {
                ByteVector q0 = ByteVector.fromMemorySegment(B, w, at + o + 2 + j, LE);
                ByteVector q1 = ByteVector.fromMemorySegment(B, w, at1 + o + 2 + j, LE);
                ByteVector q2 = ByteVector.fromMemorySegment(B, w, at2 + o + 2 + j, LE);
                ByteVector q3 = ByteVector.fromMemorySegment(B, w, at3 + o + 2 + j, LE);
                for (int p = 0; p < PARTS; p++) {
                    FloatVector xv = FloatVector.fromArray(F, x, xb + j + p * FL);
                    s0 = floats(q0, p).fma(xv, s0);
                    s1 = floats(q1, p).fma(xv, s1);
                    s2 = floats(q2, p).fma(xv, s2);
                    s3 = floats(q3, p).fma(xv, s3);
                }
            }
            acc0 = s0.fma(FloatVector.broadcast(F, Bytes.f16(w, at + o)), acc0);
            acc1 = s1.fma(FloatVector.broadcast(F, Bytes.f16(w, at1 + o)), acc1);
            acc2 = s2.fma(FloatVector.broadcast(F, Bytes.f16(w, at2 + o)), acc2);
            acc3 = s3.fma(FloatVector.broadcast(F, Bytes.f16(w, at3 + o)), acc3);
        }
        // The lane sums in scalar code: four inlined vector sums would take the kernel past the JIT's
        // inlining budget, and a vector handed to a method that is not inlined is boxed.
        acc0.intoArray(lanes, 0);
        acc1.intoArray(lanes, FL);
        acc2.intoArray(lanes, 2 * FL);
        acc3.intoArray(lanes, 3 * FL);
        for (int k = 0; k < 4; k++) y[yAt + k] = LaneSums.sum(lanes, k * FL);
    }

    /** Rows at at and at+stride; per block (sum_j (q_j - 8) x_j) * d: low nibbles are elements 0..15, high 16..31. */
    private static void q4_0(MemorySegment w, long at, long stride, float[] x, int xOff, int cols, float[] y, int yAt,
            float[] lanes) {
        FloatVector acc0 = FloatVector.zero(F), acc1 = acc0;
        long at1 = at + stride;
        for (int b = 0; b < cols / Q4_0.BLOCK; b++) {
            long o = (long) b * Q4_0.BYTES;
            int xb = xOff + b * Q4_0.BLOCK;
            FloatVector s0 = FloatVector.zero(F), s1 = s0;
            for (int j = 0; j < 16; j += BL) {
                ByteVector q0 = ByteVector.fromMemorySegment(B, w, at + o + 2 + j, LE);
                ByteVector q1 = ByteVector.fromMemorySegment(B, w, at1 + o + 2 + j, LE);
                for (int p = 0; p < PARTS; p++) {
                    FloatVector lo = FloatVector.fromArray(F, x, xb + j + p * FL);
                    FloatVector hi = FloatVector.fromArray(F, x, xb + 16 + j + p * FL);
                    s0 = floats(low(q0), p).fma(lo, s0);
                    s0 = floats(high(q0), p).fma(hi, s0);
                    s1 = floats(low(q1), p).fma(lo, s1);
                    s1 = floats(high(q1), p).fma(hi, s1);
                }
            }
            acc0 = s0.fma(FloatVector.broadcast(F, Bytes.f16(w, at + o)), acc0);
            acc1 = s1.fma(FloatVector.broadcast(F, Bytes.f16(w, at1 + o)), acc1);
        }
        acc0.intoArray(lanes, 0);
        acc1.intoArray(lanes, FL);
        for (int k = 0; k < 2; k++) y[yAt + k] = LaneSums.sum(lanes, k * FL);
    }

    /** Codes q - 8 of the low nibbles. */
    private static ByteVector low(ByteVector q) {
        return q.and((byte) 0x0F).sub((byte) 8);
    }

    /** Codes q - 8 of the high nibbles (shifted in int lanes: x86 has no byte shifts; the mask drops the neighbours' bits). */
    private static ByteVector high(ByteVector q) {
        return q.reinterpretAsInts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
    }

    private static FloatVector floats(ByteVector bytes, int part) {
        return (FloatVector) bytes.convertShape(VectorOperators.B2F, F, part);
    }
}
