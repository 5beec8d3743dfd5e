package dev.glassbox.io.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.core.GlassboxException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes F32 tensors as a safetensors file: the 8-byte little-endian header length, the JSON header
 * padded with spaces to a multiple of 8 bytes (so the data is aligned), then each tensor's
 * little-endian floats one after another, in the map's order.
 */
public final class SafetensorsWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LENGTH = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private SafetensorsWriter() {}

    /**
     * @param tensors name to tensor, written in iteration order (use a LinkedHashMap to choose it)
     * @param metadata the {@code __metadata__} strings; may be empty
     * @throws GlassboxException when the file cannot be written
     */
    public static void write(Path path, Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);
        long dataBytes = tensors.values().stream().mapToLong(t -> (long) t.data().length * Float.BYTES).sum();
        long size = Long.BYTES + header.length + dataBytes;
        try (Arena arena = Arena.ofConfined();
                FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment file = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            file.set(LENGTH, 0, header.length);
            MemorySegment.copy(header, 0, file, ValueLayout.JAVA_BYTE, Long.BYTES, header.length);
            long offset = Long.BYTES + header.length;
            for (FloatTensor t : tensors.values()) {
                MemorySegment.copy(t.data(), 0, file, F32, offset, t.data().length);
                offset += (long) t.data().length * Float.BYTES;
            }
            file.force();
        } catch (IOException e) {
            throw new GlassboxException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] header(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(SafetensorsHeader.METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
            if (e.getKey().equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("'" + SafetensorsHeader.METADATA_KEY + "' is reserved and cannot name a tensor");
            }
            long bytes = (long) e.getValue().data().length * Float.BYTES;
            ObjectNode entry = root.putObject(e.getKey());
            entry.put("dtype", Dtype.F32.name());
            Arrays.stream(e.getValue().shape()).forEach(entry.putArray("shape")::add);
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }
}
