package dev.glassbox.io.llama2c;

import dev.glassbox.core.MalformedFileException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The 7-int32 header of a llama2.c checkpoint (the legacy "version 0" {@code .bin} that {@code run.c}
 * reads): dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len, little-endian. A negative
 * vocab_size means the classifier is stored after the other weights instead of shared with the token
 * embedding; {@link #vocabSize()} is always the absolute value.
 *
 * <p>{@link #parse} checks every field of a file's header before any size is derived from it, and that
 * every tensor fits a Java array; the constructor itself only refuses sizes that would break the derived
 * ones ({@link #headSize()}, {@link #kvDim()}).
 */
public record Llama2cHeader(
        int dim,
        int hiddenDim,
        int nLayers,
        int nHeads,
        int nKvHeads,
        int vocabSize,
        boolean sharedClassifier,
        int seqLen) {

    /** Header size in bytes: 7 int32. */
    public static final int BYTES = 7 * Integer.BYTES;

    /** The first int32 of llama2.c's newer export versions (bytes "42ka"), which this reader does not take. */
    static final int VERSIONED_MAGIC = 0x616b3432;
    /** "GGUF" read as a little-endian int32. */
    static final int GGUF_MAGIC = 0x46554747;

    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final String FORMAT_HINT =
            "; is this a llama2.c checkpoint (the legacy .bin that run.c reads, exported with version 0)?";

    public Llama2cHeader {
        if (dim <= 0 || hiddenDim <= 0 || nLayers <= 0 || nHeads <= 0 || nKvHeads <= 0 || vocabSize <= 0 || seqLen <= 0
                || dim % nHeads != 0 || nHeads % nKvHeads != 0) {
            throw new IllegalArgumentException("inconsistent llama2.c header: dim " + dim + ", hidden_dim " + hiddenDim
                    + ", n_layers " + nLayers + ", n_heads " + nHeads + ", n_kv_heads " + nKvHeads + ", vocab_size "
                    + vocabSize + ", seq_len " + seqLen);
        }
    }

    /** Width of one attention head: dim / n_heads. */
    public int headSize() {
        return dim / nHeads;
    }

    /** Width of the keys (and values) of one position: n_kv_heads * head_size. */
    public int kvDim() {
        return nKvHeads * headSize();
    }

    /** Floats of the weights in file order, up to and including the RoPE tables and, if untied, wcls. */
    public long floatCount() {
        // Exact arithmetic: parse() has checked that this does not overflow, so a header never reports a wrong size.
        long perLayer = 2L * dim                                      // rms_att, rms_ffn
                + 2L * dim * dim                                      // wq, wo: n_heads * head_size == dim
                + 2L * dim * kvDim()                                  // wk, wv
                + 3L * dim * hiddenDim;                               // w1, w2, w3
        long ropeTables = (long) seqLen * headSize();                 // freq_cis_real, _imag: seq_len * head_size/2 each
        long embeddings = (long) vocabSize * dim * (sharedClassifier ? 1 : 2); // token table (and wcls if untied)
        return Math.addExact(Math.multiplyExact(perLayer, (long) nLayers), embeddings + dim + ropeTables);
    }

    /** The size a file with this header must have. */
    public long fileSize() {
        return Math.addExact(BYTES, Math.multiplyExact(Float.BYTES, floatCount()));
    }

    /**
     * Reads and validates the header at the start of {@code file}.
     *
     * @throws MalformedFileException naming the first field that is wrong and what to do
     */
    public static Llama2cHeader parse(Path path, MemorySegment file) {
        if (file.byteSize() < BYTES) {
            throw new MalformedFileException(path, "llama2.c checkpoint is " + file.byteSize() + " bytes, too short for"
                    + " its " + BYTES + "-byte header (7 int32: dim, hidden_dim, n_layers, n_heads, n_kv_heads,"
                    + " vocab_size, seq_len); it is truncated or not a llama2.c checkpoint");
        }
        int[] f = new int[7];
        for (int i = 0; i < 7; i++) f[i] = file.get(I32, (long) i * Integer.BYTES);
        if (f[0] == VERSIONED_MAGIC) {
            throw new MalformedFileException(path, "starts with the magic \"ak42\" of llama2.c's versioned export;"
                    + " only the legacy format is read: export it again with export.py --version 0");
        }
        if (f[0] == GGUF_MAGIC) {
            throw new MalformedFileException(path, "is a GGUF file, not a llama2.c checkpoint");
        }
        positive(path, "dim", f[0]);
        positive(path, "hidden_dim", f[1]);
        positive(path, "n_layers", f[2]);
        positive(path, "n_heads", f[3]);
        positive(path, "n_kv_heads", f[4]);
        if (f[5] == 0 || f[5] == Integer.MIN_VALUE) {
            throw new MalformedFileException(path, "header field vocab_size is " + f[5] + "; it must be non-zero"
                    + " (negative means an untied classifier)" + FORMAT_HINT);
        }
        positive(path, "seq_len", f[6]);
        int dim = f[0], nHeads = f[3], nKvHeads = f[4];
        require(path, dim % nHeads == 0, "header field dim " + dim + " is not a multiple of n_heads " + nHeads
                + ", so heads have no whole width" + FORMAT_HINT);
        require(path, nKvHeads <= nHeads && nHeads % nKvHeads == 0, "header field n_kv_heads " + nKvHeads
                + " must divide n_heads " + nHeads + " (each key/value head serves a whole group of query heads)"
                + FORMAT_HINT);
        require(path, (dim / nHeads) % 2 == 0, "head size dim/n_heads = " + dim / nHeads
                + " is odd, but rotary embeddings rotate pairs of dimensions" + FORMAT_HINT);
        Llama2cHeader header = new Llama2cHeader(dim, f[1], f[2], nHeads, nKvHeads, Math.abs(f[5]), f[5] > 0, f[6]);
        header.checkArraySizes(path);
        return header;
    }

    /** Each tensor must fit one float array; sizes are products of header fields, so check them here. */
    private void checkArraySizes(Path path) {
        long[] sizes = {(long) vocabSize * dim, (long) dim * dim, (long) dim * kvDim(), (long) dim * hiddenDim,
                (long) seqLen * headSize()};
        for (long size : sizes) {
            require(path, size <= Integer.MAX_VALUE - 8, "header fields give a tensor of " + size
                    + " floats, more than one Java array holds (dim " + dim + ", hidden_dim " + hiddenDim
                    + ", vocab_size " + vocabSize + ", seq_len " + seqLen + ")" + FORMAT_HINT);
        }
        try {
            fileSize();
        } catch (ArithmeticException e) {
            throw new MalformedFileException(path, "header fields describe more than 2^63 bytes of weights (n_layers "
                    + nLayers + ", dim " + dim + ", hidden_dim " + hiddenDim + ")" + FORMAT_HINT);
        }
    }

    private static void positive(Path path, String field, int value) {
        require(path, value > 0, "header field " + field + " is " + value + "; it must be positive" + FORMAT_HINT);
    }

    private static void require(Path path, boolean condition, String message) {
        if (!condition) throw new MalformedFileException(path, message);
    }
}
