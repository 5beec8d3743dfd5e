package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.safetensors.FloatTensor;
import dev.glassbox.io.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection and the errors a user meets when pointing the loader at the wrong files. */
class LanguageModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void detectsFormatsByTheirFirstBytes() throws IOException {
        assertEquals(ModelFormat.LLAMA2C, ModelFormat.detect(Stories260K.MODEL));
        Path gguf = Files.write(dir.resolve("m.gguf"), new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0});
        assertEquals(ModelFormat.GGUF, ModelFormat.detect(gguf));
        Path safetensors = dir.resolve("m.safetensors");
        SafetensorsWriter.write(safetensors, Map.of("w", new FloatTensor(new int[] {1}, new float[1])), Map.of());
        assertEquals(ModelFormat.SAFETENSORS, ModelFormat.detect(safetensors));
    }

    @Test
    void aLlama2cCheckpointNeedsItsTokenizer() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LanguageModelFiles.load(Stories260K.MODEL, null));
        assertTrue(e.getMessage().contains("has no tokenizer inside; give its tokenizer file with --tokenizer"), e.getMessage());
    }

    @Test
    void theTokenizerOfAnotherModelIsRefused() throws IOException {
        Path small = dir.resolve("small.bin");
        byte[] tok = Files.readAllBytes(Stories260K.TOKENIZER);
        // keep the header and the first 3 tokens (<unk>, BOS, EOS: 5, 5 and 6 bytes) of the model's 512
        Files.write(small, java.util.Arrays.copyOf(tok, 4 + (8 + 5) + (8 + 5) + (8 + 6)));
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> LanguageModelFiles.loadTokenizer(Stories260K.MODEL, small));
        assertTrue(e.getMessage().contains("small.bin: the tokenizer has 3 tokens but the model"), e.getMessage());
        assertTrue(e.getMessage().contains("has vocab_size 512"), e.getMessage());
    }

    @Test
    void otherFormatsSayWhatToDo() throws IOException {
        Path gguf = Files.write(dir.resolve("m.gguf"), new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0});
        GlassboxException e = assertThrows(GlassboxException.class, () -> LanguageModelFiles.load(gguf, null));
        assertTrue(e.getMessage().contains("GGUF"), e.getMessage());
        Path safetensors = dir.resolve("m.safetensors");
        SafetensorsWriter.write(safetensors, Map.of("w", new FloatTensor(new int[] {1}, new float[1])), Map.of());
        e = assertThrows(GlassboxException.class, () -> LanguageModelFiles.load(safetensors, Stories260K.TOKENIZER));
        assertTrue(e.getMessage().contains("glassbox run"), e.getMessage());
        e = assertThrows(GlassboxException.class, () -> LanguageModelFiles.load(dir.resolve("none.bin"), null));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
