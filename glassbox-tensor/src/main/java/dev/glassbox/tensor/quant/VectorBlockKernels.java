package dev.glassbox.tensor.quant;

import dev.glassbox.tensor.kernels.LaneSums;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The block products with the Vector API. Codes are loaded as bytes, turned into codes with byte-lane
 * masks and shifts, widened to float lanes and multiplied with the activations; block scales are applied
 * once per block (or sub-block) rather than once per value. Nothing is written out as floats.
 *
 * <p>Species are constants (the Vector API compiles to SIMD only then): {@code F} is the preferred float
 * shape, {@code B} holds one byte per float lane (at least 8 bytes, the smallest byte vector; with 4 float
 * lanes a byte vector fills {@code PARTS} = 2 float vectors).
 */
final class VectorBlockKernels implements BlockKernels {
    static final VectorBlockKernels INSTANCE = new VectorBlockKernels();

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    private static final VectorSpecies<Byte> B = FL >= 16 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;
    private static final int BL = B.length();
    private static final int PARTS = BL / FL;
    private static final VectorSpecies<Short> S = VectorSpecies.of(short.class, VectorShape.forBitSize(FL * 16));
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private VectorBlockKernels() {}

    @Override
    public String name() {
        return "vector";
    }

    /** From this many inputs on, a batch decodes each row once and multiplies it as floats. */
    static final int DECODE_ROWS_FROM = 4;

    /**
     * A batch of {@code n >= 4} inputs (a prompt) decodes each row once into floats and multiplies it with
     * every input there ({@link DecodedMatMul}); fewer inputs (generation) use the fused kernels, which read
     * the encoded row once per input but never write floats (long Q8_0 and Q4_0 rows several at a time, {@link RowGroups}).
     */
    @Override
    public void matMulRows(GgmlType type, MemorySegment w, int rows, int cols, int from, int to, float[] x, int xOff,
            int n, float[] y, int yOff) {
        if (n < DECODE_ROWS_FROM && RowGroups.serves(type, cols)) {
            for (int i = 0; i < n; i++) RowGroups.product(type, w, cols, from, to, x, xOff + i * cols, y, yOff + i * rows);
        } else if (n < DECODE_ROWS_FROM) {
            BlockKernels.super.matMulRows(type, w, rows, cols, from, to, x, xOff, n, y, yOff);
        } else {
            DecodedMatMul.rows(type, w, rows, cols, from, to, x, xOff, n, y, yOff);
        }
    }

    /** The same values as one dot product per row; long Q8_0 and Q4_0 rows go several at a time ({@link RowGroups}). */
    @Override
    public void matVec(GgmlType type, MemorySegment w, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        matMulRows(type, w, rows, cols, 0, rows, x, xOff, 1, y, yOff);
    }

    @Override
    public float dot(GgmlType type, MemorySegment w, long at, float[] x, int xOff, int n) {
        return switch (type) {
            case F32 -> dotF32(w, at, x, xOff, n);
            case F16 -> dotF16(w, at, x, xOff, n);
            case BF16 -> dotBf16(w, at, x, xOff, n);
            case Q8_0 -> dotQ8_0(w, at, x, xOff, n);
            case Q4_0 -> dotQ4_0(w, at, x, xOff, n);
            case Q4_K -> dotQ4_K(w, at, x, xOff, n);
            case Q6_K -> dotQ6_K(w, at, x, xOff, n);
            default -> throw Quantization.unsupported(type);
        };
    }

    /** Lanes part*FL .. (part+1)*FL-1 of a byte vector, as floats. */
    private static FloatVector floats(ByteVector bytes, int part) {
        return (FloatVector) bytes.convertShape(VectorOperators.B2F, F, part);
    }

    private static FloatVector broadcast(float v) {
        return FloatVector.broadcast(F, v);
    }

    private static FloatVector xs(float[] x, int at) {
        return FloatVector.fromArray(F, x, at);
    }

    private static float dotF32(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            acc = FloatVector.fromMemorySegment(F, w, at + 4L * i, LE).fma(xs(x, xOff + i), acc);
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) sum += w.get(Bytes.F32, at + 4L * i) * x[xOff + i];
        return sum;
    }

    /** bfloat16 is the top half of a float32: widen to int lanes and shift left by 16. */
    private static float dotBf16(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            ShortVector h = ShortVector.fromMemorySegment(S, w, at + 2L * i, LE);
            FloatVector v = ((IntVector) h.convertShape(VectorOperators.S2I, I, 0)).lanewise(VectorOperators.LSHL, 16)
                    .reinterpretAsFloats();
            acc = v.fma(xs(x, xOff + i), acc);
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) sum += Half.bf16ToFloat(w.get(Bytes.I16, at + 2L * i)) * x[xOff + i];
        return sum;
    }

    /**
     * IEEE half to float in int lanes: the 15 magnitude bits shifted into a float32's place read as a float
     * 2^112 too small (the exponent biases are 15 and 127), for normal and subnormal halves alike, so one
     * multiply by 2^112 fixes both; infinities and NaNs (exponent 31) get exponent 255; then the sign.
     */
    private static float dotF16(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            IntVector h = (IntVector) ShortVector.fromMemorySegment(S, w, at + 2L * i, LE)
                    .convertShape(VectorOperators.S2I, I, 0);
            IntVector magnitude = h.and(0x7FFF);
            IntVector shifted = magnitude.lanewise(VectorOperators.LSHL, 13);
            IntVector bits = shifted.reinterpretAsFloats().mul(0x1p112f).reinterpretAsInts();
            VectorMask<Integer> special = magnitude.compare(VectorOperators.GE, 0x7C00);
            bits = bits.blend(shifted.or(0x7F800000), special).or(h.and(0x8000).lanewise(VectorOperators.LSHL, 16));
            acc = bits.reinterpretAsFloats().fma(xs(x, xOff + i), acc);
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) sum += Half.f16ToFloat(w.get(Bytes.I16, at + 2L * i)) * x[xOff + i];
        return sum;
    }

    /** Per block: (sum_j q_j x_j) * d. */
    private static float dotQ8_0(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < n / Q8_0.BLOCK; b++, at += Q8_0.BYTES) {
            int xb = xOff + b * Q8_0.BLOCK;
            FloatVector block = FloatVector.zero(F);
            for (int j = 0; j < Q8_0.BLOCK; j += BL) {
                ByteVector q = ByteVector.fromMemorySegment(B, w, at + 2 + j, LE);
                for (int p = 0; p < PARTS; p++) {
                    block = floats(q, p).fma(xs(x, xb + j + p * FL), block);
                }
            }
            acc = block.fma(broadcast(Bytes.f16(w, at)), acc);
        }
        return LaneSums.sum(acc);
    }

    /** Per block: (sum_j (q_j - 8) x_j) * d, low nibbles for elements 0..15 and high ones for 16..31. */
    private static float dotQ4_0(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < n / Q4_0.BLOCK; b++, at += Q4_0.BYTES) {
            int xb = xOff + b * Q4_0.BLOCK;
            FloatVector block = FloatVector.zero(F);
            for (int j = 0; j < 16; j += BL) {
                ByteVector q = ByteVector.fromMemorySegment(B, w, at + 2 + j, LE);
                ByteVector lo = q.and((byte) 0x0F).sub((byte) 8);
                ByteVector hi = shiftRight(q, 4).and((byte) 0x0F).sub((byte) 8);
                for (int p = 0; p < PARTS; p++) {
                    block = floats(lo, p).fma(xs(x, xb + j + p * FL), block);
                    block = floats(hi, p).fma(xs(x, xb + 16 + j + p * FL), block);
                }
            }
            acc = block.fma(broadcast(Bytes.f16(w, at)), acc);
        }
        return LaneSums.sum(acc);
    }

    /**
     * Per sub-block s of 32 values: d*sc_s * (sum q x) - dmin*m_s * (sum x). Sub-block s reads the 32 bytes
     * of chunk s/2, low nibbles when s is even and high nibbles when odd. One loop body serves all eight,
     * which keeps the method within the JIT's inlining budget (see {@link #dotQ6_K}).
     */
    private static float dotQ4_K(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        int[] sm = new int[16];
        for (int b = 0; b < n / Q4_K.BLOCK; b++, at += Q4_K.BYTES) {
            float d = Bytes.f16(w, at), dmin = Bytes.f16(w, at + 2);
            Q4_K.scalesAndMins(w, at, sm);
            for (int s = 0; s < 8; s++) {
                int xs = xOff + b * Q4_K.BLOCK + 32 * s;
                FloatVector qx = FloatVector.zero(F), sx = qx;
                for (int j = 0; j < 32; j += BL) {
                    ByteVector bytes = ByteVector.fromMemorySegment(B, w, at + Q4_K.QS + 32 * (s >> 1) + j, LE);
                    ByteVector q = shiftRight(bytes, 4 * (s & 1)).and((byte) 0x0F);
                    for (int p = 0; p < PARTS; p++) {
                        FloatVector xv = xs(x, xs + j + p * FL);
                        qx = floats(q, p).fma(xv, qx);
                        sx = sx.add(xv);
                    }
                }
                acc = qx.fma(broadcast(d * sm[s]), acc);
                acc = sx.fma(broadcast(-dmin * sm[8 + s]), acc);
            }
        }
        return LaneSums.sum(acc);
    }

    /**
     * Per half of 128 values, codes come in four runs of 32 at offsets 32k (k = 0..3, see {@link Q6_K}):
     * run k takes the low (k < 2) or high nibbles of ql[64h + 32(k mod 2) + l] and bits 2k, 2k+1 of
     * qh[32h + l]; each 16 codes share one scale d*sc. The loop over k is a loop, not four copies, so that
     * the JIT's inlining budget covers every vector operation (a vector passed to a method that is not
     * inlined becomes an object).
     */
    private static float dotQ6_K(MemorySegment w, long at, float[] x, int xOff, int n) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < n / Q6_K.BLOCK; b++, at += Q6_K.BYTES) {
            float d = Bytes.f16(w, at + Q6_K.D);
            for (int h = 0; h < 2; h++) {
                for (int l = 0; l < 32; l += BL) {
                    ByteVector qh = ByteVector.fromMemorySegment(B, w, at + Q6_K.QH + 32 * h + l, LE);
                    for (int k = 0; k < 4; k++) {
                        ByteVector ql = ByteVector.fromMemorySegment(B, w, at + Q6_K.QL + 64 * h + 32 * (k & 1) + l, LE);
                        ByteVector low = shiftRight(ql, 4 * (k >> 1)).and((byte) 0x0F);
                        ByteVector high = shiftLeft(shiftRight(qh, 2 * k).and((byte) 3), 4);
                        ByteVector q = low.or(high).sub((byte) 32);
                        int e = 128 * h + 32 * k + l;
                        FloatVector sum = FloatVector.zero(F);
                        for (int p = 0; p < PARTS; p++) {
                            sum = floats(q, p).fma(xs(x, xOff + b * Q6_K.BLOCK + e + p * FL), sum);
                        }
                        acc = sum.fma(broadcast(d * Q6_K.scale(w, at, e)), acc);
                    }
                }
            }
        }
        return LaneSums.sum(acc);
    }

    /**
     * Byte lanes shifted right, with bits from the neighbouring lane coming in at the top: callers mask
     * them off. x86 has no byte shifts, and shifting int lanes is one instruction.
     */
    private static ByteVector shiftRight(ByteVector v, int n) {
        return v.reinterpretAsInts().lanewise(VectorOperators.LSHR, n).reinterpretAsBytes();
    }

    /** Byte lanes shifted left, with bits of the neighbouring lane coming in at the bottom: callers mask them off. */
    private static ByteVector shiftLeft(ByteVector v, int n) {
        return v.reinterpretAsInts().lanewise(VectorOperators.LSHL, n).reinterpretAsBytes();
    }

}
