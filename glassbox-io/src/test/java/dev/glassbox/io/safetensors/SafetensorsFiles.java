package dev.glassbox.io.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made safetensors files for tests, right or deliberately wrong. */
final class SafetensorsFiles {
    private SafetensorsFiles() {}

    static Path write(Path dir, String json, byte[] data) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return writeRaw(dir, header.length, header, data);
    }

    /** A file whose length field says {@code declaredLength}, whatever the header really is. */
    static Path writeRaw(Path dir, long declaredLength, byte[] header, byte[] data) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(declaredLength).put(header).put(data);
        Path path = Files.createTempFile(dir, "test", ".safetensors");
        Files.write(path, bytes.array());
        return path;
    }
}
