package dev.glassbox.io.gguf;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.MalformedFileException;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.Quantization;
import dev.glassbox.tensor.quant.QuantizedMatrix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file (llama.cpp's model format) mapped into memory. The header is read and validated completely
 * when the file is opened ({@link GgufParser}); tensors are then views of the mapping, never copied, and
 * {@link #matrix} gives them to the runtime as {@link WeightMatrix}es that multiply in their stored format.
 * Close the file to unmap it; matrices and segments taken from it are invalid afterwards.
 *
 * <pre>{@code
 * try (GgufFile gguf = GgufFile.open(path)) {
 *     String arch = gguf.metadata().string("general.architecture");
 *     WeightMatrix wq = gguf.matrix("blk.0.attn_q.weight");     // [n_head*head_dim][n_embd], e.g. Q4_K
 *     float[] norm = gguf.readFloats("blk.0.attn_norm.weight");
 * }
 * }</pre>
 */
public final class GgufFile implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment mapping;
    private final GgufParser.Header header;
    private final Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();

    private GgufFile(Path path, Arena arena, MemorySegment mapping, GgufParser.Header header) {
        this.path = path;
        this.arena = arena;
        this.mapping = mapping;
        this.header = header;
        for (GgufTensorInfo t : header.tensors()) byName.put(t.name(), t);
    }

    /**
     * Maps and validates {@code path}.
     *
     * @throws MalformedFileException when a header field is wrong (naming it)
     * @throws GlassboxException when the file cannot be read at all
     */
    public static GgufFile open(Path path) {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return new GgufFile(path, arena, mapping, GgufParser.parse(path, mapping));
        } catch (IOException e) {
            arena.close();
            throw new GlassboxException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Whether the file starts with GGUF's magic bytes (a cheap check for choosing a reader). */
    public static boolean looksLikeGguf(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            java.nio.ByteBuffer magic = java.nio.ByteBuffer.allocate(4);
            while (magic.hasRemaining() && channel.read(magic) >= 0) {}
            return !magic.hasRemaining() && magic.array()[0] == 'G' && magic.array()[1] == 'G' && magic.array()[2] == 'U'
                    && magic.array()[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    public Path path() {
        return path;
    }

    /** 2 or 3. */
    public int version() {
        return header.version();
    }

    /** The alignment of tensor data: general.alignment, or 32. */
    public int alignment() {
        return header.alignment();
    }

    public GgufMetadata metadata() {
        return header.metadata();
    }

    /** Every tensor, in header order. */
    public List<GgufTensorInfo> tensors() {
        return header.tensors();
    }

    /** Byte offset in the file where tensor data starts. */
    public long dataOffset() {
        return header.dataOffset();
    }

    public long fileSize() {
        return mapping.byteSize();
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** @throws MalformedFileException when there is no such tensor */
    public GgufTensorInfo tensor(String name) {
        GgufTensorInfo info = byName.get(name);
        if (info == null) {
            throw new MalformedFileException(path, "GGUF file has no tensor '" + name + "'; it has " + byName.size()
                    + " tensors, e.g. " + byName.keySet().stream().limit(5).toList());
        }
        return info;
    }

    /** The tensor's encoded bytes, mapped (no copy); valid until {@link #close()}. */
    public MemorySegment segment(String name) {
        GgufTensorInfo info = tensor(name);
        return mapping.asSlice(header.dataOffset() + info.offset(), info.byteSize());
    }

    /**
     * The tensor as a weight matrix over the mapping: rows = the product of all dimensions but the first,
     * cols = the first (ggml's ne[0]).
     *
     * @throws MalformedFileException when Glassbox cannot compute with its type, or its shape exceeds int
     */
    public WeightMatrix matrix(String name) {
        GgufTensorInfo info = tensor(name);
        requireKernels(info);
        if (info.rowCount() > Integer.MAX_VALUE || info.rowLength() > Integer.MAX_VALUE) {
            throw new MalformedFileException(path, "tensor '" + name + "' has shape " + Arrays.toString(info.shape())
                    + ", larger than Glassbox's matrices ([2^31-1][2^31-1])");
        }
        return QuantizedMatrix.of(info.type(), (int) info.rowCount(), (int) info.rowLength(), segment(name));
    }

    /** The tensor's values decoded to floats (for norms and biases; use {@link #matrix} for weights). */
    public float[] readFloats(String name) {
        GgufTensorInfo info = tensor(name);
        requireKernels(info);
        if (info.elementCount() > Integer.MAX_VALUE - 8) {
            throw new MalformedFileException(path, "tensor '" + name + "' has " + info.elementCount()
                    + " elements, too many for one float array; use matrix(name)");
        }
        return Quantization.dequantize(info.type(), segment(name), (int) info.elementCount());
    }

    private void requireKernels(GgufTensorInfo info) {
        if (!info.type().hasKernels()) {
            throw new MalformedFileException(path, "tensor '" + info.name() + "' is stored as " + info.type()
                    + ", which Glassbox cannot compute with yet (it reads F32, F16, BF16, Q8_0, Q4_0, Q4_K and Q6_K);"
                    + " convert the model with llama-quantize to one of those");
        }
    }

    /** Which GGML types the tensors use, with counts (for summaries). */
    public Map<GgmlType, Integer> typeCounts() {
        Map<GgmlType, Integer> counts = new LinkedHashMap<>();
        for (GgufTensorInfo t : tensors()) counts.merge(t.type(), 1, Integer::sum);
        return counts;
    }

    @Override
    public void close() {
        arena.close();
    }
}
