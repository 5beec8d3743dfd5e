package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.io.gguf.GgufFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every pre-tokenizer Glassbox runs on a byte-level vocabulary, against llama.cpp's binaries: the setup
 * tokenizes the corpus with llama.cpp's GPT-2 vocabulary under each {@code tokenizer.ggml.pre}, and this
 * test gives the same vocabulary the same name. Reaches the pre-tokenizers no llama.cpp fixture uses
 * (Tekken, GPT-4o, Chameleon, DeepSeek V3, BLOOM, ...).
 */
class LlamaCppPreTokenizersTest {

    @Test
    void everyPreTokenizerMatchesLlamaCpp() throws IOException {
        Path corpora = VocabFixtures.tokenized().map(d -> d.resolve("pre")).filter(Files::isDirectory).orElse(null);
        Path vocabs = VocabFixtures.directory().orElse(null);
        assumeTrue(corpora != null && vocabs != null, "llama.cpp's pre-tokenizer corpus is not set up"
                + " (reference/llama-tokenized/pre/); run " + VocabFixtures.SETUP + " to run this test");
        GgufVocabulary gpt2;
        try (GgufFile file = GgufFile.open(VocabFixtures.vocab(vocabs, "gpt-2"))) {
            gpt2 = GgufVocabulary.read(file.metadata());
        }

        Set<PreTokenizerType> seen = EnumSet.noneOf(PreTokenizerType.class);
        List<String> failures = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(corpora)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path corpus : files) {
            JsonNode json = new ObjectMapper().readTree(corpus.toFile());
            String pre = json.get("pre").asText();
            seen.add(BpeSettings.forName(pre).orElseThrow().type());
            GgufTokenizer tokenizer = GgufTokenizer.of(new GgufVocabulary(gpt2.model(), pre, gpt2.tokens(), gpt2.scores(),
                    gpt2.tokenTypes(), gpt2.merges(), gpt2.specialIds(), gpt2.flags(), gpt2.name(), gpt2.architecture()));
            int passed = 0;
            for (JsonNode c : json.get("cases")) {
                int[] expected = new int[c.get("ids").size()];
                for (int i = 0; i < expected.length; i++) expected[i] = c.get("ids").get(i).asInt();
                int[] got = tokenizer.encode(c.get("text").asText());
                if (Arrays.equals(got, expected)) {
                    passed++;
                } else if (failures.size() < 8) {
                    failures.add(pre + ": " + c.get("text") + "\n    expected " + Arrays.toString(expected)
                            + "\n    got      " + Arrays.toString(got));
                }
            }
            System.out.printf("llama.cpp pre-tokenizer: %-24s %d/%d texts%n", pre, passed, json.get("cases").size());
        }
        assertEquals(List.of(), failures);
        Set<PreTokenizerType> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
        missing.removeAll(Set.of(PreTokenizerType.GEMMA4, PreTokenizerType.SARVAM_MOE)); // not byte-level
        assertEquals(Set.of(), missing, "pre-tokenizers the reference did not tokenize with; rerun " + VocabFixtures.SETUP);
    }
}
