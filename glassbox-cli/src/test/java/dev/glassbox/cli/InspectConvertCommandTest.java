package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.io.safetensors.FloatTensor;
import dev.glassbox.io.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox convert} and {@code glassbox inspect} on stories260K and on small hand-made files. */
class InspectConvertCommandTest {
    private static final String MODEL = SharedFiles.require("models/stories260K/stories260K.bin").toString();
    private static final String TOKENIZER = SharedFiles.require("models/stories260K/tok512.bin").toString();

    @TempDir
    Path dir;

    private static void assertContains(CliRun run, String... phrases) {
        for (String p : phrases) assertTrue(run.out().contains(p), "lacks: " + p + "\n" + run);
    }

    @Test
    void convertsStoriesToQ8_0AndInspectsTheResult() {
        String gguf = dir.resolve("stories-q8_0.gguf").toString();
        CliRun convert = CliRun.of("convert", MODEL, gguf, "--type", "q8_0", "--tokenizer", TOKENIZER);
        assertEquals(0, convert.status(), convert.toString());
        assertContains(convert, "wrote " + gguf + ": 47 tensors, matrices Q8_0",
                "note: blk.0.ffn_down.weight: rows of 172 values are not whole Q8_0 blocks of 32; stored as F16");

        CliRun inspect = CliRun.of("inspect", gguf);
        assertEquals(0, inspect.status(), inspect.toString());
        assertContains(inspect, "format: GGUF v3", "architecture: llama",
                "d_model 64, 5 layers, 8 heads (4 key/value) of 8, d_mlp 172 (gated silu), vocabulary 512, context 512",
                "RoPE on adjacent pairs, theta 10000",
                "tensor types: Q8_0 x", "F16 x5", "F32 x11",
                "llama.block_count = UINT32 5",
                // llama2.c's tok512 spells BOS and EOS "\n<s>\n" and "\n</s>\n"; they are kept as written, escaped here
                "tokenizer.ggml.tokens = ARRAY[STRING] [\"<unk>\", \"<s>\", \"</s>\", \"<0x00>\",", "... 504 more]",
                "blk.0.attn_q.weight", "[64, 64]");
        assertTrue(inspect.out().lines().anyMatch(l -> l.matches("\\s+token_embd\\.weight\\s+Q8_0\\s+\\[512, 64\\]\\s+34\\.0 KiB")),
                inspect.out());
        CliRun short_ = CliRun.of("inspect", gguf, "--items", "0", "--no-tensors");
        assertContains(short_, "tokenizer.ggml.scores = ARRAY[FLOAT32] [... 512 more]");
        assertTrue(!short_.out().contains("blk.0.attn_q.weight"), short_.out());
    }

    @Test
    void inspectsALlama2cCheckpoint() {
        CliRun run = CliRun.of("inspect", MODEL);
        assertEquals(0, run.status(), run.toString());
        assertContains(run, "format: llama2.c checkpoint", "header: dim 64, hidden_dim 172, n_layers 5, n_heads 8, n_kv_heads 4,"
                + " vocab_size 512 (classifier shared with the embedding), seq_len 512", "w2", "[5, 64, 172]");
    }

    @Test
    void inspectsASafetensorsFile() {
        Path st = dir.resolve("m.safetensors");
        SafetensorsWriter.write(st, Map.of("w", new FloatTensor(new int[] {2, 3}, new float[6])), Map.of("note", "x".repeat(300)));
        CliRun run = CliRun.of("inspect", st.toString());
        assertEquals(0, run.status(), run.toString());
        assertContains(run, "format: safetensors", "note = xxxx", "... (300 chars)", "w  F32  [2, 3]  24 B");
    }

    @Test
    void badFilesAndFlagsAreUserErrors() throws IOException {
        Path gguf = dir.resolve("a.gguf");
        assertEquals(0, CliRun.of("convert", MODEL, gguf.toString(), "--type", "f32").status());
        byte[] bytes = Files.readAllBytes(gguf);
        Files.write(gguf, Arrays.copyOf(bytes, bytes.length / 2));
        CliRun truncated = CliRun.of("inspect", gguf.toString());
        assertEquals(Main.USER_ERROR, truncated.status(), truncated.toString());
        assertTrue(truncated.err().startsWith("error: " + gguf + ": invalid GGUF: tensor '"), truncated.err());
        assertTrue(truncated.err().contains("truncated"), truncated.err());

        CliRun type = CliRun.of("convert", MODEL, dir.resolve("b.gguf").toString(), "--type", "q5_k");
        assertEquals(Main.USER_ERROR, type.status(), type.toString());
        assertTrue(type.err().contains("--type q5_k is not a conversion target; use one of f32, f16, bf16, q8_0, q4_0, q4_k, q6_k"),
                type.err());

        CliRun missing = CliRun.of("inspect", dir.resolve("nope.gguf").toString());
        assertEquals(Main.USER_ERROR, missing.status(), missing.toString());
    }
}
