package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.model.arch.GgufModel;
import dev.glassbox.model.tokenizer.gguf.GgufTokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox logits}: the ids run and each position's top logits, equal to the model's own forward pass. */
class LogitsCommandTest {
    @TempDir Path dir;

    @Test
    void jsonHoldsTheIdsAndEachPositionsTopLogitsHighestFirst() throws IOException {
        Path model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), "gemma2");
        CliRun run = CliRun.of("logits", "--model", model.toString(), "--tokens", "1,270,280", "--top-k", "3", "--json");
        assertEquals(0, run.status(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("[1,270,280]", json.get("tokens").toString());
        float[][] expected;
        try (GgufModel m = GgufModel.load(model)) {
            expected = m.transformer().forward(new int[] {1, 270, 280});
        }
        assertEquals(3, json.get("positions").size());
        for (int p = 0; p < 3; p++) {
            JsonNode top = json.get("positions").get(p).get("top");
            assertEquals(3, top.size());
            float[] sorted = expected[p].clone();
            Arrays.sort(sorted);
            for (int k = 0; k < 3; k++) {
                int id = top.get(k).get(0).asInt();
                float logit = (float) top.get(k).get(1).asDouble();
                assertEquals(expected[p][id], logit, "position " + p + " rank " + k);
                assertEquals(sorted[sorted.length - 1 - k], logit, "position " + p + " rank " + k);
            }
        }
    }

    @Test
    void bosGoesInFrontOfTokensThatLackItAndOfAPrompt() throws IOException {
        Path model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), "llama");
        CliRun ids = CliRun.of("logits", "--model", model.toString(), "--tokens", "270,280", "--json");
        assertEquals(0, ids.status(), ids.toString());
        assertEquals("[1,270,280]", new ObjectMapper().readTree(ids.out()).get("tokens").toString());
        assertEquals(10, new ObjectMapper().readTree(ids.out()).get("positions").get(0).get("top").size());

        CliRun prompt = CliRun.of("logits", "--model", model.toString(), "--prompt", "hi there", "--json");
        assertEquals(0, prompt.status(), prompt.toString());
        int[] encoded = GgufTokenizers.load(model).encode("hi there");
        int[] expected = new int[encoded.length + 1];
        expected[0] = 1;
        System.arraycopy(encoded, 0, expected, 1, encoded.length);
        assertEquals(Arrays.toString(expected).replace(" ", ""), new ObjectMapper().readTree(prompt.out()).get("tokens").toString());
    }

    @Test
    void plainOutputHasOneLinePerPosition() {
        Path model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), "llama");
        CliRun run = CliRun.of("logits", "--model", model.toString(), "--prompt", "ab", "--top-k", "2");
        assertEquals(0, run.status(), run.toString());
        String[] lines = run.out().strip().split("\n");
        assertTrue(lines[0].contains("\"<s>\""), run.out());
        assertEquals(1 + GgufTokenizers.load(model).encode("ab").length, lines.length, run.out());
    }

    @Test
    void badInputIsOneMessageAndStatus2() {
        Path model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), "llama");
        String m = model.toString();
        assertUserError(CliRun.of("logits", "--model", m), "--prompt");
        assertUserError(CliRun.of("logits", "--model", m, "--prompt", "a", "--tokens", "1"), "mutually exclusive");
        assertUserError(CliRun.of("logits", "--model", m, "--tokens", "1,99999"), "outside the vocabulary");
        assertUserError(CliRun.of("logits", "--model", m, "--tokens", "1,x"), "--tokens");
        assertUserError(CliRun.of("logits", "--model", m, "--tokens", "1", "--top-k", "0"), "--top-k");
        assertUserError(CliRun.of("logits", "--model", m, "--tokens", "1,".repeat(70) + "1"), "context");
    }

    private static void assertUserError(CliRun run, String mentions) {
        assertEquals(Main.USER_ERROR, run.status(), run.toString());
        assertTrue(run.err().contains(mentions), run.toString());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
