package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Rows decoded to floats with the Vector API, for Q8_0 and Q4_0 (the batched products decode each row once
 * per batch); exactly {@link Quantization#dequantize}'s values: {@code q * d} and {@code (q - 8) * d} in
 * float, an int converted to float being exact. Other types use that scalar decoder.
 */
final class VectorDecode {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    private static final VectorSpecies<Byte> B = FL >= 16 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;
    private static final int BL = B.length();
    private static final int PARTS = BL / FL;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private VectorDecode() {}

    /** The {@code cols} values of the row encoded at {@code at}, into out[off..]. */
    static void row(GgmlType type, MemorySegment w, long at, float[] out, int off, int cols) {
        switch (type) {
            case Q8_0 -> q8_0(w, at, out, off, cols);
            case Q4_0 -> q4_0(w, at, out, off, cols);
            default -> Quantization.dequantize(type, w, at, out, off, cols);
        }
    }

    private static void q8_0(MemorySegment w, long at, float[] out, int off, int cols) {
        for (int b = 0; b < cols / Q8_0.BLOCK; b++, at += Q8_0.BYTES) {
            float d = Bytes.f16(w, at);
            int o = off + b * Q8_0.BLOCK;
            for (int j = 0; j < Q8_0.BLOCK; j += BL) {
                ByteVector q = ByteVector.fromMemorySegment(B, w, at + 2 + j, LE);
                for (int p = 0; p < PARTS; p++) floats(q, p).mul(d).intoArray(out, o + j + p * FL);
            }
        }
    }

    /** Low nibbles are elements 0..15 of a block, high nibbles 16..31. */
    private static void q4_0(MemorySegment w, long at, float[] out, int off, int cols) {
        for (int b = 0; b < cols / Q4_0.BLOCK; b++, at += Q4_0.BYTES) {
            float d = Bytes.f16(w, at);
            int o = off + b * Q4_0.BLOCK;
            for (int j = 0; j < 16; j += BL) {
                ByteVector q = ByteVector.fromMemorySegment(B, w, at + 2 + j, LE);
                ByteVector lo = q.and((byte) 0x0F).sub((byte) 8);
                ByteVector hi = q.reinterpretAsInts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes()
                        .and((byte) 0x0F).sub((byte) 8);
                for (int p = 0; p < PARTS; p++) {
                    floats(lo, p).mul(d).intoArray(out, o + j + p * FL);
                    floats(hi, p).mul(d).intoArray(out, o + 16 + j + p * FL);
                }
            }
        }
    }

    private static FloatVector floats(ByteVector bytes, int part) {
        return (FloatVector) bytes.convertShape(VectorOperators.B2F, F, part);
    }
}
