package dev.glassbox.tensor.quant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types of ggml, as a GGUF file names them by id. Each stores its values in blocks of
 * {@link #blockSize()} values taking {@link #blockBytes()} bytes; a row of a tensor is a whole number of
 * blocks. The ids and sizes are ggml's ({@code ggml.h}, {@code ggml-common.h}); ids 4, 5, 31-33 and
 * 36-38 were retired by ggml and are unknown here.
 *
 * <p>Glassbox can compute with the types for which {@link #hasKernels()} is true; the others are still
 * recognised so that a file holding them can be opened, inspected and validated.
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q8_1(9, 32, 36),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    Q8_K(15, 256, 292),
    IQ2_XXS(16, 256, 66),
    IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98),
    IQ1_S(19, 256, 50),
    IQ4_NL(20, 32, 18),
    IQ3_S(21, 256, 110),
    IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    IQ1_M(29, 256, 56),
    BF16(30, 1, 2),
    TQ1_0(34, 256, 54),
    TQ2_0(35, 256, 66),
    MXFP4(39, 32, 17);

    private final int id;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** The id a GGUF tensor-info entry stores. */
    public int id() {
        return id;
    }

    /** Values per block (1 for the plain float and integer types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    /** Whether Glassbox can quantize to, dequantize from and multiply with this type. */
    public boolean hasKernels() {
        return switch (this) {
            case F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K -> true;
            default -> false;
        };
    }

    /**
     * Bytes that {@code elements} values take, or -1 when {@code elements} is not a whole number of
     * blocks or the size overflows a long.
     */
    public long byteSize(long elements) {
        if (elements < 0 || elements % blockSize != 0) return -1;
        long blocks = elements / blockSize;
        return blocks > Long.MAX_VALUE / blockBytes ? -1 : blocks * blockBytes;
    }

    /** Bytes of one row of {@code cols} values, which must be a whole number of blocks. */
    public long rowBytes(int cols) {
        if (cols % blockSize != 0) {
            throw new IllegalArgumentException(this + " stores blocks of " + blockSize + " values; a row of " + cols
                    + " is not a whole number of blocks");
        }
        return (long) (cols / blockSize) * blockBytes;
    }

    private static final GgmlType[] BY_ID = new GgmlType[64];

    static {
        for (GgmlType t : values()) BY_ID[t.id] = t;
    }

    /** The type with this id, if ggml defines one that Glassbox knows. */
    public static Optional<GgmlType> byId(long id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[(int) id]) : Optional.empty();
    }

    /** The type named {@code name} (case-insensitive, as llama.cpp writes it: "q8_0", "Q4_K", "bf16"). */
    public static Optional<GgmlType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
