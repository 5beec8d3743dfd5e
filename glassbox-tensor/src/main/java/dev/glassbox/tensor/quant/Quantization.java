package dev.glassbox.tensor.quant;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Encoding floats into ggml's formats and decoding them back, for the types with
 * {@link GgmlType#hasKernels()}. Encoded data lives in a {@link MemorySegment}: a mapped file, or a heap
 * segment from {@link #quantize(GgmlType, float[])}.
 *
 * <p>Decoding is exactly ggml's formula for each format, so that a file written here means the same
 * numbers to llama.cpp and to Glassbox. Encoding follows ggml's reference quantizers
 * ({@code quantize_row_*_ref}), without importance matrices.
 */
public final class Quantization {
    private Quantization() {}

    /**
     * Encodes {@code count} values of {@code src} from {@code srcOff} into {@code dst} at {@code dstOff}.
     *
     * @throws IllegalArgumentException when the type has no codec or count is not a whole number of blocks
     */
    public static void quantize(GgmlType type, float[] src, int srcOff, int count, MemorySegment dst, long dstOff) {
        int blocks = blocks(type, count);
        int bs = type.blockSize(), bb = type.blockBytes();
        for (int b = 0; b < blocks; b++) {
            int from = srcOff + b * bs;
            long at = dstOff + (long) b * bb;
            switch (type) {
                case F32 -> dst.set(Bytes.F32, at, src[from]);
                case F16 -> dst.set(Bytes.I16, at, Half.floatToF16(src[from]));
                case BF16 -> dst.set(Bytes.I16, at, Half.floatToBf16(src[from]));
                case Q8_0 -> Q8_0.quantizeBlock(src, from, dst, at);
                case Q4_0 -> Q4_0.quantizeBlock(src, from, dst, at);
                case Q4_K -> Q4_K.quantizeBlock(src, from, dst, at);
                case Q6_K -> Q6_K.quantizeBlock(src, from, dst, at);
                default -> throw unsupported(type);
            }
        }
    }

    /** The values encoded in a new heap segment of {@code type.byteSize(values.length)} bytes. */
    public static MemorySegment quantize(GgmlType type, float[] values) {
        blocks(type, values.length);
        MemorySegment out = MemorySegment.ofArray(new byte[Math.toIntExact(type.byteSize(values.length))]);
        quantize(type, values, 0, values.length, out, 0);
        return out;
    }

    /** Decodes {@code count} values (whole blocks) at {@code srcOff} of {@code src} into {@code dst} at {@code dstOff}. */
    public static void dequantize(GgmlType type, MemorySegment src, long srcOff, float[] dst, int dstOff, int count) {
        int blocks = blocks(type, count);
        int bs = type.blockSize(), bb = type.blockBytes();
        for (int b = 0; b < blocks; b++) {
            int to = dstOff + b * bs;
            long at = srcOff + (long) b * bb;
            switch (type) {
                case F32 -> dst[to] = src.get(Bytes.F32, at);
                case F16 -> dst[to] = Half.f16ToFloat(src.get(Bytes.I16, at));
                case BF16 -> dst[to] = Half.bf16ToFloat(src.get(Bytes.I16, at));
                case Q8_0 -> Q8_0.dequantizeBlock(src, at, dst, to);
                case Q4_0 -> Q4_0.dequantizeBlock(src, at, dst, to);
                case Q4_K -> Q4_K.dequantizeBlock(src, at, dst, to);
                case Q6_K -> Q6_K.dequantizeBlock(src, at, dst, to);
                default -> throw unsupported(type);
            }
        }
    }

    /** All {@code count} values encoded at the start of {@code src}. */
    public static float[] dequantize(GgmlType type, MemorySegment src, int count) {
        float[] out = new float[count];
        dequantize(type, src, 0, out, 0, count);
        return out;
    }

    /** Value {@code index} of the run of values encoded from {@code srcOff}; decodes one block at most. */
    public static float dequantizeOne(GgmlType type, MemorySegment src, long srcOff, long index) {
        long at = srcOff + index / type.blockSize() * type.blockBytes();
        int j = (int) (index % type.blockSize());
        return switch (type) {
            case F32 -> src.get(Bytes.F32, at);
            case F16 -> Half.f16ToFloat(src.get(Bytes.I16, at));
            case BF16 -> Half.bf16ToFloat(src.get(Bytes.I16, at));
            case Q8_0 -> Q8_0.get(src, at, j);
            case Q4_0 -> Q4_0.get(src, at, j);
            case Q4_K -> Q4_K.get(src, at, j);
            case Q6_K -> Q6_K.get(src, at, j);
            default -> throw unsupported(type);
        };
    }

    /** The value a float becomes after a round trip through {@code type}: for F32, F16 and BF16 only. */
    public static float roundTrip(GgmlType type, float value) {
        return switch (type) {
            case F32 -> value;
            case F16 -> Half.f16ToFloat(Half.floatToF16(value));
            case BF16 -> Half.bf16ToFloat(Half.floatToBf16(value));
            default -> throw new IllegalArgumentException(type + " encodes blocks, not single values");
        };
    }

    private static int blocks(GgmlType type, int count) {
        Objects.requireNonNull(type, "type");
        if (!type.hasKernels()) throw unsupported(type);
        if (count < 0 || count % type.blockSize() != 0) {
            throw new IllegalArgumentException(type + " encodes blocks of " + type.blockSize() + " values; "
                    + count + " values are not a whole number of blocks");
        }
        return count / type.blockSize();
    }

    static IllegalArgumentException unsupported(GgmlType type) {
        return new IllegalArgumentException("Glassbox has no kernels for ggml type " + type
                + "; it computes with F32, F16, BF16, Q8_0, Q4_0, Q4_K and Q6_K");
    }
}
