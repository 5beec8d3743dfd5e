package dev.glassbox.io.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GGUF files assembled field by field, right or deliberately wrong, independently of {@link GgufWriter}:
 * each call appends the bytes of one field, little-endian, exactly as the format lays them out.
 */
final class RawGguf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The usual start: magic "GGUF", version 3, then the two counts. */
    static RawGguf header(long tensorCount, long kvCount) {
        return new RawGguf().bytes('G', 'G', 'U', 'F').u32(3).u64(tensorCount).u64(kvCount);
    }

    RawGguf bytes(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    RawGguf u32(long v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        return this;
    }

    RawGguf u64(long v) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        return this;
    }

    RawGguf f32(float v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array());
        return this;
    }

    RawGguf string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u64(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    /** A metadata entry holding a string. */
    RawGguf kvString(String key, String value) {
        return string(key).u32(8).string(value);
    }

    /** A metadata entry holding a UINT32. */
    RawGguf kvU32(String key, long value) {
        return string(key).u32(4).u32(value);
    }

    /** A tensor-info entry; dims in ggml order (innermost first). */
    RawGguf tensor(String name, int ggmlType, long offset, long... dims) {
        string(name).u32(dims.length);
        for (long d : dims) u64(d);
        return u32(ggmlType).u64(offset);
    }

    /** Zero bytes up to the next multiple of {@code alignment}. */
    RawGguf pad(int alignment) {
        while (out.size() % alignment != 0) out.write(0);
        return this;
    }

    RawGguf zeros(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, out.toByteArray());
        return path;
    }
}
