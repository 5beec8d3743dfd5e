package dev.glassbox.io.safetensors;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.MalformedFileException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file mapped into memory. Layout: an 8-byte little-endian header length N, N bytes of
 * JSON header ({@link SafetensorsHeader}), then the tensor data. The header is validated completely when
 * the file is opened, so later reads cannot go out of bounds. Close it to unmap; segments obtained from it
 * are invalid afterwards.
 *
 * <pre>{@code
 * try (SafetensorsFile file = SafetensorsFile.open(path)) {
 *     float[] wq = file.readFloats("model.layers.0.self_attn.q_proj.weight");
 * }
 * }</pre>
 */
public final class SafetensorsFile implements AutoCloseable {
    /** Headers beyond this are refused rather than read into memory (the reference implementation's limit). */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final ValueLayout.OfLong LENGTH = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path path;
    private final Arena arena;
    private final MemorySegment data;
    private final SafetensorsHeader header;
    private final Map<String, TensorInfo> byName = new LinkedHashMap<>();

    private SafetensorsFile(Path path, Arena arena, MemorySegment data, SafetensorsHeader header) {
        this.path = path;
        this.arena = arena;
        this.data = data;
        this.header = header;
        for (TensorInfo t : header.tensors()) byName.put(t.name(), t);
    }

    /**
     * Maps and validates {@code path}.
     *
     * @throws MalformedFileException when a header field is wrong (naming it)
     * @throws GlassboxException when the file cannot be read at all
     */
    public static SafetensorsFile open(Path path) {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Long.BYTES) {
                throw new MalformedFileException(path, "safetensors file is " + size
                        + " bytes, too short for the 8-byte header length; it is truncated or not a safetensors file");
            }
            MemorySegment whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            long headerLength = whole.get(LENGTH, 0);
            if (headerLength <= 0 || headerLength > size - Long.BYTES || headerLength > MAX_HEADER_BYTES) {
                throw new MalformedFileException(path, "safetensors header length " + Long.toUnsignedString(headerLength)
                        + " does not fit: the file has " + (size - Long.BYTES) + " bytes after the length field"
                        + " (and headers are limited to " + MAX_HEADER_BYTES + "); it is truncated or not a safetensors file");
            }
            byte[] json = whole.asSlice(Long.BYTES, headerLength).toArray(ValueLayout.JAVA_BYTE);
            long dataStart = Long.BYTES + headerLength;
            SafetensorsHeader header = SafetensorsHeader.parse(path, json, size - dataStart);
            return new SafetensorsFile(path, arena, whole.asSlice(dataStart), header);
        } catch (IOException e) {
            arena.close();
            throw new GlassboxException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** The {@code __metadata__} strings (empty when the file has none). */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** Every tensor, in header order. */
    public List<TensorInfo> tensors() {
        return header.tensors();
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** @throws GlassboxException when there is no such tensor */
    public TensorInfo tensor(String name) {
        TensorInfo info = byName.get(name);
        if (info == null) {
            throw new GlassboxException(path + " has no tensor '" + name + "'; it has " + byName.size()
                    + " tensors, e.g. " + byName.keySet().stream().limit(5).toList());
        }
        return info;
    }

    /** The tensor's raw bytes, mapped (no copy); valid until {@link #close()}. */
    public MemorySegment segment(String name) {
        TensorInfo info = tensor(name);
        return data.asSlice(info.begin(), info.byteSize());
    }

    /** The tensor's values as floats, converted from F32, F16 or BF16. */
    public float[] readFloats(String name) {
        TensorInfo info = tensor(name);
        if (!info.dtype().convertsToFloat()) {
            throw new GlassboxException("tensor '" + name + "' in " + path + " has dtype " + info.dtype()
                    + "; only F32, F16 and BF16 convert to floats");
        }
        long count = info.elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new GlassboxException("tensor '" + name + "' has " + count + " elements, too many for one float array;"
                    + " read it through segment(name)");
        }
        MemorySegment bytes = segment(name);
        float[] out = new float[(int) count];
        switch (info.dtype()) {
            case F32 -> MemorySegment.copy(bytes, F32, 0, out, 0, out.length);
            case F16 -> {
                for (int i = 0; i < out.length; i++) out[i] = Float.float16ToFloat(bytes.getAtIndex(U16, i));
            }
            case BF16 -> { // bfloat16 is the top half of a float32
                for (int i = 0; i < out.length; i++) out[i] = Float.intBitsToFloat(bytes.getAtIndex(U16, i) << 16);
            }
            default -> throw new IllegalStateException("unreachable: " + info.dtype());
        }
        return out;
    }

    /** {@link #readFloats} with the shape. */
    public FloatTensor readTensor(String name) {
        return new FloatTensor(tensor(name).intShape(), readFloats(name));
    }

    @Override
    public void close() {
        arena.close();
    }
}
