package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A corpus of awkward texts (every script, whitespace kind, emoji sequence, control-token spelling and
 * Unicode 16 character the setup script mixes) against the ids llama.cpp's own binaries give for it, for
 * every SentencePiece, BPE and WordPiece vocabulary in llama.cpp's fixtures, including the three that have no
 * .inp/.out (aquila, baichuan, gpt-neox). Skipped when {@code scripts/reference/setup.sh} has not run.
 */
class LlamaCppCorpusTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-spm", "phi-3", "baichuan", "gemma-4", "gpt-2", "llama-bpe", "falcon", "mpt", "gpt-neox",
            "aquila", "starcoder", "refact", "command-r", "deepseek-coder", "deepseek-llm", "qwen2", "qwen35", "bert-bge"})
    void everyTextMatchesLlamaCpp(String name) throws IOException {
        Path corpora = VocabFixtures.tokenized().orElse(null);
        Path vocabs = VocabFixtures.directory().orElse(null);
        assumeTrue(corpora != null && vocabs != null, "llama.cpp's tokenized corpus is not set up"
                + " (reference/llama-tokenized/); run " + VocabFixtures.SETUP + " to run these tests");
        Path corpus = corpora.resolve(name + ".json");
        assertTrue(Files.exists(corpus), "missing " + corpus + "; rerun " + VocabFixtures.SETUP);

        GgufTokenizer tokenizer = GgufTokenizers.load(VocabFixtures.vocab(vocabs, name));
        JsonNode cases = new ObjectMapper().readTree(corpus.toFile()).get("cases");
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String text = c.get("text").asText();
            int[] expected = new int[c.get("ids").size()];
            for (int i = 0; i < expected.length; i++) expected[i] = c.get("ids").get(i).asInt();
            int[] got = tokenizer.encode(text);
            if (!Arrays.equals(got, expected)) {
                failures.add(escape(text) + "\n    expected " + Arrays.toString(expected) + "\n    got      " + Arrays.toString(got));
            }
        }
        System.out.printf("llama.cpp corpus: %-15s %d/%d texts%n", name, cases.size() - failures.size(), cases.size());
        assertEquals(List.of(), failures, name + ": " + failures.size() + " of " + cases.size() + " texts differ:\n"
                + String.join("\n", failures.subList(0, Math.min(6, failures.size()))));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> out.append(cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0xFFFF
                ? String.format("\\u{%X}", cp) : Character.toString(cp)));
        return out.append('"').toString();
    }
}
