package dev.glassbox.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.model.arch.Gemma2Hyperparameters;
import dev.glassbox.model.arch.GgufModel;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The random benchmark model, at a tiny size: it loads as Gemma 2, runs, and the benchmark's runner measures it. */
class RandomGemma2FileTest {
    static final Gemma2Hyperparameters TINY = new Gemma2Hyperparameters(64, 2, 2, 1, 32, 128, 300, 64, 1e-6f, 10000f, 8,
            32f, 50f, 30f);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(names = {"Q8_0", "Q4_0"})
    void loadsAsGemma2WithAVocabulary(GgmlType type) {
        Path file = dir.resolve("tiny.gguf");
        RandomGemma2File.write(file, TINY, type, 1);
        try (GgufModel model = GgufModel.load(file)) {
            assertEquals(TINY.config(), model.config());
            assertEquals(type, model.file().tensor("blk.1.ffn_down.weight").type());
            GgufValue tokens = model.file().metadata().asMap().get("tokenizer.ggml.tokens");
            assertEquals(300, tokens.length());
            assertEquals("<0x0A>", ((String[]) tokens.value())[4 + 10]);
            float[][] logits = model.transformer().forward(new int[] {RandomGemma2File.BOS, 261, 299});
            for (float[] row : logits) for (float v : row) assertTrue(Float.isFinite(v) && Math.abs(v) <= 30f, "logit " + v);
        }
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        Path a = dir.resolve("a.gguf"), b = dir.resolve("b.gguf");
        RandomGemma2File.write(a, TINY, GgmlType.Q4_0, 7);
        RandomGemma2File.write(b, TINY, GgmlType.Q4_0, 7);
        assertEquals(-1L, java.nio.file.Files.mismatch(a, b));
    }

    @Test
    void theRunnerReportsOneMeasurement() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        RandomGemma2File.write(file, TINY, GgmlType.Q8_0, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            GlassboxBenchRun.main(EngineProcess.protocol(file, 2, new int[] {2, 270, 280, 290, 295}, 3, 2).toArray(String[]::new));
        } finally {
            System.setOut(out);
        }
        Measurement m = new ObjectMapper().readValue(bytes.toString(StandardCharsets.UTF_8).strip(), Measurement.class);
        assertEquals("glassbox", m.engine());
        assertEquals(5, m.promptTokens());
        assertEquals(3, m.genTokens());
        assertEquals(2, m.threads());
        assertTrue(m.promptSeconds() > 0 && m.genSeconds() > 0 && m.peakRssBytes() != 0, m.toString());
    }
}
