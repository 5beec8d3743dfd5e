package dev.glassbox.tensor.quant;

import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.Parallelism;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A weight matrix stored in one of ggml's encodings (F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K): {@code rows}
 * rows of {@code cols} values, each row a run of whole blocks, read where it lies (a mapped GGUF file, or
 * a heap segment). Products decode on the fly with {@link BlockKernels}; nothing is copied.
 *
 * <pre>{@code
 * WeightMatrix w = QuantizedMatrix.quantize(GgmlType.Q8_0, floatMatrix);   // ggml's quantizer
 * w.matVec(x, 0, y, 0);                                                    // y = dequant(W) x
 * }</pre>
 */
public final class QuantizedMatrix implements WeightMatrix {
    private final GgmlType type;
    private final int rows;
    private final int cols;
    private final MemorySegment data;
    private final long rowBytes;
    private final BlockKernels kernels;

    private QuantizedMatrix(GgmlType type, int rows, int cols, MemorySegment data, BlockKernels kernels) {
        this.type = type;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.rowBytes = type.rowBytes(cols);
        this.kernels = kernels;
    }

    /**
     * A view of encoded data (not copied; it must outlive the matrix).
     *
     * @throws IllegalArgumentException when Glassbox has no kernels for the type, a row is not a whole number
     *     of blocks, or the segment does not hold exactly {@code rows} such rows
     */
    public static QuantizedMatrix of(GgmlType type, int rows, int cols, MemorySegment data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!type.hasKernels()) throw Quantization.unsupported(type);
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape [" + rows + "][" + cols + "]");
        long expected = rows * type.rowBytes(cols);
        if (data.byteSize() != expected) {
            throw new IllegalArgumentException(type + " matrix [" + rows + "][" + cols + "] takes " + expected
                    + " bytes, but the segment has " + data.byteSize());
        }
        return new QuantizedMatrix(type, rows, cols, data, BlockKernels.preferred());
    }

    /** Encodes a matrix with ggml's reference quantizer for {@code type}, into a heap segment. */
    public static QuantizedMatrix quantize(GgmlType type, WeightMatrix m) {
        float[] values = new float[Math.multiplyExact(m.rows(), m.cols())];
        for (int r = 0; r < m.rows(); r++) m.copyRow(r, values, r * m.cols());
        return quantize(type, m.rows(), m.cols(), values);
    }

    /** Encodes row-major {@code values} of shape [rows][cols]. */
    public static QuantizedMatrix quantize(GgmlType type, int rows, int cols, float[] values) {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("[" + rows + "][" + cols + "] needs " + (long) rows * cols
                    + " values, got " + values.length);
        }
        type.rowBytes(cols); // rows must be whole blocks
        return of(type, rows, cols, Quantization.quantize(type, values));
    }

    /** The same matrix, multiplied with other kernels (tests and benchmarks compare the two). */
    public QuantizedMatrix withKernels(BlockKernels other) {
        return new QuantizedMatrix(type, rows, cols, data, Objects.requireNonNull(other, "kernels"));
    }

    public GgmlType type() {
        return type;
    }

    /** The encoded rows, as given. */
    public MemorySegment data() {
        return data;
    }

    public BlockKernels kernels() {
        return kernels;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return Quantization.dequantizeOne(type, data, row * rowBytes, col);
    }

    @Override
    public void matVec(float[] x, int xOff, float[] y, int yOff) {
        Objects.checkFromIndexSize(xOff, cols, x.length);
        Objects.checkFromIndexSize(yOff, rows, y.length);
        kernels.matVec(type, data, rows, cols, x, xOff, y, yOff);
    }

    @Override
    public void matMul(float[] x, int xOff, int n, float[] y, int yOff) {
        Objects.checkFromIndexSize(xOff, Math.multiplyExact(n, cols), x.length);
        Objects.checkFromIndexSize(yOff, Math.multiplyExact(n, rows), y.length);
        kernels.matMul(type, data, rows, cols, x, xOff, n, y, yOff);
    }

    /** Rows split between threads in whole tiles of the batched kernel; the same values as {@link #matMul}. */
    @Override
    public void matMul(float[] x, int xOff, int n, float[] y, int yOff, Parallelism parallel) {
        if (!worthSplitting(n, parallel)) {
            matMul(x, xOff, n, y, yOff);
            return;
        }
        Objects.checkFromIndexSize(xOff, Math.multiplyExact(n, cols), x.length);
        Objects.checkFromIndexSize(yOff, Math.multiplyExact(n, rows), y.length);
        parallel.forRanges(rows, ROW_TILE, (from, to) -> kernels.matMulRows(type, data, rows, cols, from, to, x, xOff, n, y, yOff));
    }

    /** Rows per tile of the batched kernels; ranges given to threads start on multiples of it. */
    private static final int ROW_TILE = 4;

    /** Decodes the blocks that cover the band of columns, row by row, then multiplies. */
    @Override
    public void matVecColumns(int start, int count, float[] x, int xOff, float[] y, int yOff) {
        Objects.checkFromIndexSize(start, count, cols);
        int bs = type.blockSize();
        int firstBlock = start / bs, lastBlock = (start + count + bs - 1) / bs;
        float[] band = new float[(lastBlock - firstBlock) * bs];
        int skip = start - firstBlock * bs;
        Kernels floats = Kernels.preferred();
        for (int r = 0; r < rows; r++) {
            Quantization.dequantize(type, data, r * rowBytes + (long) firstBlock * type.blockBytes(), band, 0, band.length);
            y[yOff + r] = floats.dot(band, skip, x, xOff, count);
        }
    }

    @Override
    public void copyRow(int row, float[] out, int off) {
        Objects.checkIndex(row, rows);
        Quantization.dequantize(type, data, row * rowBytes, out, off, cols);
    }

    /** The decoded matrix as floats (exactly ggml's dequantization). */
    public FloatMatrix dequantize() {
        return new FloatMatrix(rows, cols, Quantization.dequantize(type, data, Math.multiplyExact(rows, cols)));
    }

    @Override
    public String toString() {
        return type + "[" + rows + "][" + cols + "]";
    }
}
