package dev.glassbox.model.generate;

import dev.glassbox.core.GlassboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The kinds of model file, told apart by their first bytes. */
public enum ModelFormat {
    /** Starts with the magic "GGUF". */
    GGUF,
    /** An 8-byte little-endian header length, then a JSON header starting with '{'. */
    SAFETENSORS,
    /** llama2.c's legacy checkpoint: no magic, 7 int32 of sizes (validated when it is read). */
    LLAMA2C;

    /** @throws GlassboxException when the file cannot be read */
    public static ModelFormat detect(Path path) {
        byte[] head = new byte[9];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new GlassboxException("no such file: " + path);
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (n >= 4 && head[0] == 'G' && head[1] == 'G' && head[2] == 'U' && head[3] == 'F') return GGUF;
        if (n == 9 && head[8] == '{') {
            long headerLength = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength > 1 && headerLength < 100L * 1024 * 1024) return SAFETENSORS;
        }
        return LLAMA2C;
    }
}
