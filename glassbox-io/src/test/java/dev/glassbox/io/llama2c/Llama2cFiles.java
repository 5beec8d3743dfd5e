package dev.glassbox.io.llama2c;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small llama2.c checkpoints and tokenizers for tests. */
final class Llama2cFiles {
    private Llama2cFiles() {}

    /** A header of 7 int32 followed by {@code floats} float32 values 0, 1, 2, ... (so each weight tells its offset). */
    static Path checkpoint(Path dir, String name, int[] header, long floats) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(header.length * 4 + (int) floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : header) b.putInt(v);
        for (int i = 0; i < floats; i++) b.putFloat(i);
        Path path = dir.resolve(name);
        Files.write(path, b.array());
        return path;
    }

    /** A tokenizer file with the given pieces, scores -id. */
    static Path tokenizer(Path dir, String name, int maxTokenLength, String... pieces) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + pieces.length * 8 + 16 * pieces.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(maxTokenLength);
        for (int i = 0; i < pieces.length; i++) {
            byte[] bytes = pieces[i].getBytes(StandardCharsets.UTF_8);
            b.putFloat(-i).putInt(bytes.length).put(bytes);
        }
        Path path = dir.resolve(name);
        Files.write(path, java.util.Arrays.copyOf(b.array(), b.position()));
        return path;
    }
}
