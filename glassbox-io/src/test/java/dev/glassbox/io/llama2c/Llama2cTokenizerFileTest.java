package dev.glassbox.io.llama2c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Llama2cTokenizerFileTest {
    @TempDir
    Path dir;

    private void assertRejected(Path path, String... phrases) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Llama2cTokenizerFile.read(path));
        assertTrue(e.getMessage().startsWith(path.toString()), "names the file: " + e.getMessage());
        for (String phrase : phrases) assertTrue(e.getMessage().contains(phrase), e.getMessage() + "\n  lacks: " + phrase);
    }

    @Test
    void readsPiecesAndScoresInIdOrder() throws IOException {
        Llama2cTokenizerFile t = Llama2cTokenizerFile.read(Llama2cFiles.tokenizer(dir, "t.bin", 4, "<un>", "a", " é", ""));
        assertEquals(4, t.maxTokenLength());
        assertEquals(4, t.size());
        assertArrayEquals(" é".getBytes(StandardCharsets.UTF_8), t.pieces().get(2));
        assertArrayEquals(new float[] {0, -1, -2, -3}, t.scores());
    }

    @Test
    void truncatedRecords() throws IOException {
        Path path = Llama2cFiles.tokenizer(dir, "t.bin", 4, "ab", "cd");
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 1));
        assertRejected(path, "token 1 needs 2 bytes but only 1 remain", "truncated");
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 5));
        assertRejected(path, "token 1 at byte 14 needs 8 bytes", "truncated");
        Files.write(path, Arrays.copyOf(bytes, 2));
        assertRejected(path, "2 bytes, too short");
        Files.write(path, Arrays.copyOf(bytes, 4));
        assertRejected(path, "no tokens");
    }

    @Test
    void badLengthsAndHeader() throws IOException {
        assertRejected(Llama2cFiles.tokenizer(dir, "long.bin", 2, "abc"), "token 0 has length 3, outside [0, 2]");
        assertRejected(Llama2cFiles.tokenizer(dir, "zero.bin", 0, "a"), "max_token_length is 0");
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(4).putFloat(0).putInt(-1);
        assertRejected(Files.write(dir.resolve("neg.bin"), b.array()), "token 0 has length -1");
        b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(4).putFloat(Float.NaN).putInt(0);
        assertRejected(Files.write(dir.resolve("nan.bin"), b.array()), "token 0 has score NaN");
    }
}
