package dev.glassbox.io.llama2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.MalformedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every header field is validated before use; the tensors are read in llama2.c's order. */
class Llama2cCheckpointTest {
    @TempDir
    Path dir;

    // dim 8, hidden 6, 2 layers, 4 heads (head size 2), 2 kv heads, vocab 5, seq_len 3
    private static final int[] HEADER = {8, 6, 2, 4, 2, 5, 3};
    // 5*8 embed + 2*(8 + 64 + 32 + 32 + 64 + 8 + 48*3) rms_final 8 + rope 3*2
    private static final long FLOATS = 40 + 2 * (8 + 64 + 32 + 32 + 64 + 8 + 144) + 8 + 6;

    private void assertRejected(Path path, String... phrases) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Llama2cCheckpoint.read(path));
        assertTrue(e.getMessage().startsWith(path.toString()), "names the file: " + e.getMessage());
        for (String phrase : phrases) assertTrue(e.getMessage().contains(phrase), e.getMessage() + "\n  lacks: " + phrase);
    }

    private static int[] header(int field, int value) {
        int[] h = HEADER.clone();
        h[field] = value;
        return h;
    }

    @Test
    void readsEveryTensorInLlama2cOrder() throws IOException {
        Llama2cCheckpoint c = Llama2cCheckpoint.read(Llama2cFiles.checkpoint(dir, "m.bin", HEADER, FLOATS));
        Llama2cHeader h = c.header();
        assertEquals(new Llama2cHeader(8, 6, 2, 4, 2, 5, true, 3), h);
        assertEquals(2, h.headSize());
        assertEquals(4, h.kvDim());
        assertEquals(40, c.tokenEmbedding().length);
        assertEquals(0f, c.tokenEmbedding()[0]);
        // each value is its float offset: rms_att of layer 1 starts after embed (40) and layer 0's rms_att (8)
        assertEquals(48f, c.layers().get(1).rmsAtt()[0]);
        assertEquals(40 + 16, c.layers().get(0).wq()[0], "wq follows both layers' rms_att");
        assertEquals(40 + 16 + 128, c.layers().get(0).wk()[0], "wk follows both layers' wq");
        assertEquals(40 + 16 + 128 + 64 + 64 + 128 + 16 + 96 + 96 + 96, c.rmsFinal()[0], "rms_final after w3");
        assertEquals(48, c.layers().get(1).w2().length);
        assertSame(c.tokenEmbedding(), c.classifier(), "positive vocab_size: classifier shared");
    }

    @Test
    void negativeVocabSizeReadsTheUntiedClassifierAfterTheRopeTables() throws IOException {
        Path path = Llama2cFiles.checkpoint(dir, "untied.bin", header(5, -5), FLOATS + 40);
        Llama2cCheckpoint c = Llama2cCheckpoint.read(path);
        assertEquals(5, c.header().vocabSize());
        assertEquals(FLOATS, c.classifier()[0], "wcls starts after the rope tables");
        assertEquals(40, c.classifier().length);
    }

    @Test
    void truncatedFile() throws IOException {
        Path path = Llama2cFiles.checkpoint(dir, "m.bin", HEADER, FLOATS);
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 4));
        assertRejected(path, "is " + (bytes.length - 4) + " bytes", "needs exactly " + bytes.length, "truncated");
        Files.write(path, Arrays.copyOf(bytes, 20));
        assertRejected(path, "20 bytes, too short for its 28-byte header");
    }

    @Test
    void fileLongerThanTheHeaderSays() throws IOException {
        assertRejected(Llama2cFiles.checkpoint(dir, "m.bin", HEADER, FLOATS + 3), "needs exactly", "appended");
        assertRejected(Llama2cFiles.checkpoint(dir, "u.bin", HEADER, FLOATS + 40),
                "untied classifier but vocab_size is positive");
    }

    @Test
    void negativeOrZeroDimensions() throws IOException {
        String[] names = {"dim", "hidden_dim", "n_layers", "n_heads", "n_kv_heads"};
        for (int field = 0; field < names.length; field++) {
            assertRejected(Llama2cFiles.checkpoint(dir, "neg.bin", header(field, -3), FLOATS),
                    "header field " + names[field] + " is -3; it must be positive");
            assertRejected(Llama2cFiles.checkpoint(dir, "zero.bin", header(field, 0), FLOATS),
                    "header field " + names[field] + " is 0");
        }
        assertRejected(Llama2cFiles.checkpoint(dir, "v.bin", header(5, 0), FLOATS), "vocab_size is 0");
        assertRejected(Llama2cFiles.checkpoint(dir, "s.bin", header(6, -1), FLOATS), "seq_len is -1");
    }

    @Test
    void inconsistentHeads() throws IOException {
        assertRejected(Llama2cFiles.checkpoint(dir, "a.bin", header(3, 3), FLOATS), "dim 8 is not a multiple of n_heads 3");
        assertRejected(Llama2cFiles.checkpoint(dir, "b.bin", header(4, 3), FLOATS), "n_kv_heads 3 must divide n_heads 4");
        assertRejected(Llama2cFiles.checkpoint(dir, "c.bin", header(4, 8), FLOATS), "n_kv_heads 8 must divide n_heads 4");
        assertRejected(Llama2cFiles.checkpoint(dir, "d.bin", header(3, 8), FLOATS), "head size dim/n_heads = 1 is odd");
    }

    @Test
    void hugeDimensionsAreRefusedBeforeAnyAllocation() throws IOException {
        assertRejected(Llama2cFiles.checkpoint(dir, "h.bin", header(0, 1 << 20), FLOATS), "more than one Java array holds");
        int[] manyLayers = {8, 6, Integer.MAX_VALUE, 4, 2, 5, 3};
        assertRejected(Llama2cFiles.checkpoint(dir, "l.bin", manyLayers, FLOATS), "needs exactly", "truncated");
    }

    @Test
    void otherFormatsAreNamed() throws IOException {
        assertRejected(Llama2cFiles.checkpoint(dir, "v1.bin", header(0, 0x616b3432), FLOATS), "ak42", "--version 0");
        assertRejected(Llama2cFiles.checkpoint(dir, "g.bin", header(0, 0x46554747), FLOATS), "is a GGUF file");
    }

    @Test
    void missingFile() {
        GlassboxException e = assertThrows(GlassboxException.class, () -> Llama2cCheckpoint.read(dir.resolve("none.bin")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
