package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case of llama.cpp's tokenizer fixtures, for every SentencePiece, BPE and WordPiece vocabulary that
 * has them: the ids are llama.cpp's {@code llama_tokenize(text, add_special = false, parse_special = false)},
 * and decoding them gives the text back (not for WordPiece, which lowercases and drops accents). Skipped
 * (with the command to run) when the fixtures are not set up.
 */
class LlamaCppFixturesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-spm", "phi-3", "gemma-4", "gpt-2", "llama-bpe", "falcon", "mpt", "starcoder", "refact",
            "command-r", "deepseek-coder", "deepseek-llm", "qwen2", "qwen35", "bert-bge"})
    void everyCaseMatchesLlamaCpp(String name) {
        Path dir = VocabFixtures.directory().orElse(null);
        assumeTrue(dir != null, "llama.cpp's vocabulary fixtures are not set up (reference/llama-vocab/); run "
                + VocabFixtures.SETUP + " to run these tests");
        Path gguf = VocabFixtures.vocab(dir, name);
        assertTrue(Files.exists(gguf), "missing fixture " + gguf + "; rerun " + VocabFixtures.SETUP);

        GgufTokenizer tokenizer = GgufTokenizers.load(gguf);
        Map<String, int[]> cases = VocabFixtures.cases(gguf);
        boolean lossless = !tokenizer.model().equals("bert");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, int[]> c : cases.entrySet()) {
            int[] got = tokenizer.encode(c.getKey());
            if (!Arrays.equals(got, c.getValue())) {
                failures.add(quote(c.getKey()) + "\n    expected " + Arrays.toString(c.getValue()) + "\n    got      "
                        + Arrays.toString(got));
            } else if (lossless && !tokenizer.decode(got).equals(c.getKey())) {
                failures.add(quote(c.getKey()) + " decodes to " + quote(tokenizer.decode(got)));
            }
        }
        System.out.printf("llama.cpp fixtures: %-15s %d/%d cases%n", name, cases.size() - failures.size(), cases.size());
        assertEquals(List.of(), failures, name + ": " + failures.size() + " of " + cases.size() + " cases differ:\n"
                + String.join("\n", failures.subList(0, Math.min(8, failures.size()))));
    }

    private static String quote(String s) {
        return '"' + s.replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
