package dev.glassbox.io.gguf;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.Quantization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a GGUF v3 file: metadata of every value type, and tensors either encoded here from floats (with
 * ggml's reference quantizers) or copied as already-encoded bytes. Tensor data is laid out the way
 * llama.cpp's own writer does it: in the order added, each tensor starting on the alignment boundary
 * (general.alignment if set, else 32) and padded with zeros to the next one.
 *
 * <pre>{@code
 * new GgufWriter()
 *     .put("general.architecture", GgufValue.string("llama"))
 *     .put("llama.block_count", GgufValue.uint32(2))
 *     .addTensor("blk.0.attn_q.weight", GgmlType.Q8_0, new long[] {64, 64}, values)   // shape [rows, cols]
 *     .write(path);
 * }</pre>
 *
 * The file is written to a temporary sibling and moved into place, so a failure never leaves half a file
 * under the final name, and the output may replace the file a model was read from.
 */
public final class GgufWriter {

    /** Fills a tensor's bytes, already sized to {@link GgmlType#byteSize} of its element count. */
    @FunctionalInterface
    public interface TensorData {
        void writeTo(MemorySegment destination);
    }

    private record Entry(String name, GgmlType type, long[] shape, long byteSize, TensorData data) {}

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final Map<String, Entry> tensors = new LinkedHashMap<>();

    /** Sets a metadata entry (replacing an earlier value of the key, keeping its place). */
    public GgufWriter put(String key, GgufValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.equals(GgufParser.ALIGNMENT_KEY)) {
            long a = value.type() == GgufValueType.UINT32 ? value.asLong() : -1;
            if (a <= 0 || (a & (a - 1)) != 0 || a > (1 << 30)) {
                throw new IllegalArgumentException(key + " must be a UINT32 power of two, got " + value);
            }
        }
        metadata.put(key, value);
        return this;
    }

    /** Every entry of {@code values}, in its order. */
    public GgufWriter putAll(Map<String, GgufValue> values) {
        values.forEach(this::put);
        return this;
    }

    /**
     * A tensor encoded from row-major {@code values} with ggml's reference quantizer for {@code type}.
     *
     * @param shape outermost first (a matrix: [rows, cols]); written to the file in ggml's reversed order
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, float[] values) {
        Objects.requireNonNull(values, "values");
        if (!type.hasKernels()) {
            throw new IllegalArgumentException("cannot encode " + type + "; Glassbox encodes F32, F16, BF16, Q8_0, Q4_0, Q4_K and Q6_K");
        }
        long count = checkShape(name, type, shape);
        if (count != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + values.length);
        }
        float[] copy = values.clone();
        return add(name, type, shape, dst -> Quantization.quantize(type, copy, 0, copy.length, dst, 0));
    }

    /** A tensor given as bytes already encoded in {@code type} (copied when the file is written). */
    public GgufWriter addEncodedTensor(String name, GgmlType type, long[] shape, MemorySegment encoded) {
        long count = checkShape(name, type, shape);
        if (encoded.byteSize() != type.byteSize(count)) {
            throw new IllegalArgumentException("tensor '" + name + "' (" + type + " " + Arrays.toString(shape) + ") takes "
                    + type.byteSize(count) + " bytes, but " + encoded.byteSize() + " were given");
        }
        return add(name, type, shape, dst -> MemorySegment.copy(encoded, 0, dst, 0, encoded.byteSize()));
    }

    /**
     * A tensor whose bytes {@code data} writes straight into the output mapping when the file is written
     * (so that converting a large model never holds a whole tensor in memory).
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, TensorData data) {
        checkShape(name, type, shape);
        return add(name, type, shape, Objects.requireNonNull(data, "data"));
    }

    private GgufWriter add(String name, GgmlType type, long[] shape, TensorData data) {
        if (tensors.containsKey(name)) throw new IllegalArgumentException("tensor '" + name + "' was already added");
        long count = 1;
        for (long d : shape) count *= d;
        tensors.put(name, new Entry(name, type, shape.clone(), type.byteSize(count), data));
        return this;
    }

    private static long checkShape(String name, GgmlType type, long[] shape) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes == 0 || nameBytes > GgufParser.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name '" + name + "' has " + nameBytes + " bytes; ggml needs 1 to "
                    + GgufParser.MAX_NAME_BYTES);
        }
        if (shape.length < 1 || shape.length > GgufParser.MAX_DIMS) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + shape.length + " dimensions; ggml allows 1 to "
                    + GgufParser.MAX_DIMS);
        }
        long count = 1;
        for (long d : shape) {
            if (d <= 0) throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(shape)
                    + "; dimensions must be positive");
            count = Math.multiplyExact(count, d);
        }
        long rowLength = shape[shape.length - 1];
        if (rowLength % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "' has rows of " + rowLength + " values, not a whole number of "
                    + type + " blocks of " + type.blockSize() + "; store it as F32, F16 or BF16 instead");
        }
        return count;
    }

    /**
     * Writes the file.
     *
     * @throws GlassboxException when it cannot be written
     */
    public void write(Path path) {
        int alignment = metadata.containsKey(GgufParser.ALIGNMENT_KEY)
                ? (int) metadata.get(GgufParser.ALIGNMENT_KEY).asLong() : GgufParser.DEFAULT_ALIGNMENT;
        List<Long> offsets = new ArrayList<>();
        long dataSize = 0;
        for (Entry e : tensors.values()) {
            offsets.add(dataSize);
            dataSize = GgufParser.align(dataSize + e.byteSize(), alignment);
        }
        byte[] header = header(offsets);
        long dataOffset = GgufParser.align(header.length, alignment);
        long size = dataOffset + dataSize;

        Path absolute = path.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
        try {
            try (Arena arena = Arena.ofConfined();
                    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MemorySegment file = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                MemorySegment.copy(header, 0, file, ValueLayout.JAVA_BYTE, 0, header.length);
                int i = 0;
                for (Entry e : tensors.values()) {
                    e.data().writeTo(file.asSlice(dataOffset + offsets.get(i++), e.byteSize()));
                }
                file.force();
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new GlassboxException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private byte[] header(List<Long> offsets) {
        Out out = new Out();
        out.u32(GgufParser.MAGIC);
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, GgufValue> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            GgufValue v = kv.getValue();
            out.u32(v.type().id());
            if (v.isArray()) {
                GgufValueType element = v.elementType().orElseThrow();
                out.u32(element.id());
                out.u64(v.length());
                Object array = v.value();
                for (int i = 0; i < v.length(); i++) out.scalar(element, java.lang.reflect.Array.get(array, i));
            } else {
                out.scalar(v.type(), v.value());
            }
        }
        int i = 0;
        for (Entry e : tensors.values()) {
            out.string(e.name());
            out.u32(e.shape().length);
            for (int d = e.shape().length - 1; d >= 0; d--) out.u64(e.shape()[d]); // ggml order: innermost first
            out.u32(e.type().id());
            out.u64(offsets.get(i++));
        }
        return out.bytes();
    }

    /** A little-endian byte sink for the header. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void u32(int v) {
            scratch.clear();
            bytes.write(scratch.putInt(v).array(), 0, 4);
        }

        void u64(long v) {
            scratch.clear();
            bytes.write(scratch.putLong(v).array(), 0, 8);
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            bytes.write(utf8, 0, utf8.length);
        }

        void scalar(GgufValueType type, Object v) {
            scratch.clear();
            switch (type) {
                case UINT8, INT8 -> bytes.write((Byte) v);
                case UINT16, INT16 -> bytes.write(scratch.putShort((Short) v).array(), 0, 2);
                case UINT32, INT32 -> u32((Integer) v);
                case UINT64, INT64 -> u64((Long) v);
                case FLOAT32 -> bytes.write(scratch.putFloat((Float) v).array(), 0, 4);
                case FLOAT64 -> bytes.write(scratch.putDouble((Double) v).array(), 0, 8);
                case BOOL -> bytes.write((Boolean) v ? 1 : 0);
                case STRING -> string((String) v);
                case ARRAY -> throw new IllegalStateException("arrays of arrays are not written");
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
