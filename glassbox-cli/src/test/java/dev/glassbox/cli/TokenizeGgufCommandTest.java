package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox tokenize} on vocabulary-only GGUF files: no weights needed. */
class TokenizeGgufCommandTest {
    @TempDir Path dir;

    @Test
    void aVocabularyOnlyGgufTokenizes() throws IOException {
        Path vocab = dir.resolve("vocab.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("gpt2"))
                .put("tokenizer.ggml.pre", GgufValue.string("gpt-2"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("h", "i", "hi", "Ġ", "Ġhi")))
                .put("tokenizer.ggml.merges", GgufValue.strings(List.of("h i", "Ġ hi")))
                .write(vocab);
        CliRun run = CliRun.of("tokenize", "--model", vocab.toString(), "--text", "hi hi", "--json");
        assertEquals(0, run.status(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("[2,4]", json.get("ids").toString());
        assertEquals("[\"hi\",\"Ġhi\"]", json.get("pieces").toString());
    }

    @Test
    void aGgufWithATokenizerFileIsAUserError() throws IOException {
        Path vocab = dir.resolve("vocab.gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("gpt2"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("a")))
                .put("tokenizer.ggml.merges", GgufValue.strings(List.of()))
                .write(vocab);
        CliRun run = CliRun.of("tokenize", "--model", vocab.toString(), "--tokenizer", vocab.toString(), "--text", "a");
        assertEquals(Main.USER_ERROR, run.status(), run.toString());
        assertTrue(run.err().contains("carries its own tokenizer"), run.err());
    }

    /** llama.cpp's Llama 3 vocabulary, when scripts/reference/setup.sh has extracted the fixtures. */
    @Test
    void llamaCppsLlama3VocabularyGivesLlamaCppsIds() throws IOException {
        Path vocab = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && vocab == null; d = d.getParent()) {
            Path candidate = d.resolve("reference/llama-vocab/ggml-vocab-llama-bpe.gguf");
            if (Files.exists(candidate)) vocab = candidate;
        }
        assumeTrue(vocab != null, "llama.cpp's vocabulary fixtures are not set up; run scripts/reference/setup.sh");
        CliRun run = CliRun.of("tokenize", "--model", vocab.toString(), "--text", "Hello world", "--json");
        assertEquals(0, run.status(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("[9906,1917]", json.get("ids").toString(), "from llama.cpp's ggml-vocab-llama-bpe.gguf.out");
        assertEquals("[\"Hello\",\"Ġworld\"]", json.get("pieces").toString());
    }
}
