package dev.glassbox.io.llama2c;

import dev.glassbox.core.GlassboxException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A whole file mapped read-only with FFM; closing it unmaps, after which its segment is invalid. */
final class MappedFile implements AutoCloseable {
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena;
    final MemorySegment bytes;

    private MappedFile(Arena arena, MemorySegment bytes) {
        this.arena = arena;
        this.bytes = bytes;
    }

    /** @throws GlassboxException when the file cannot be opened (missing, unreadable) */
    static MappedFile open(Path path) {
        Arena arena = Arena.ofConfined();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new MappedFile(arena, channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
        } catch (NoSuchFileException e) {
            arena.close();
            throw new GlassboxException("no such file: " + path);
        } catch (IOException e) {
            arena.close();
            throw new GlassboxException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code count} little-endian float32 values starting at byte {@code offset}, copied out. */
    float[] floats(long offset, int count) {
        float[] out = new float[count];
        MemorySegment.copy(bytes, F32, offset, out, 0, count);
        return out;
    }

    @Override
    public void close() {
        arena.close();
    }
}
