package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreTokenizerTypeTest {
    private static final String SAMPLE = "Hello, y'all! It'S 1234567 ½ ℃\t\n\n  naïve e\u0301 東京 한국어 🦙‍🔥 <s> ▁x\u3000\u2028end  ";

    @Test
    void everyTypeSplitsEveryCodePointIntoSomeWord() {
        for (PreTokenizerType type : PreTokenizerType.values()) {
            List<String> words = new PreTokenizer(type).words(SAMPLE);
            String joined = String.join("", words);
            String expected = type.byteEncode() ? ByteLevel.encode(SAMPLE) : SAMPLE;
            assertEquals(expected, joined, type + " loses or adds text");
            assertTrue(words.stream().noneMatch(String::isEmpty), type + " makes an empty word");
        }
    }

    @Test
    void everyKnownNameHasSettings() {
        for (String name : List.of("", "default", "llama-bpe", "gpt-2", "qwen2", "qwen35", "deepseek-llm", "deepseek-coder",
                "falcon", "mpt", "starcoder", "refact", "command-r", "gemma4", "tekken", "gpt-4o", "chameleon")) {
            assertTrue(BpeSettings.forName(name).isPresent(), name);
        }
        assertTrue(BpeSettings.forName("kimi-k2").isEmpty(), "needs llama.cpp's custom code, not run");
        assertTrue(BpeSettings.forName("llama-bpe").orElseThrow().ignoreMerges());
        assertTrue(BpeSettings.forName("gemma4").orElseThrow().escapeWhitespaces());
    }

    @Test
    void gpt2WordsAreAsTheRegexSays() {
        List<String> words = new PreTokenizer(PreTokenizerType.GPT2).words("Hello world's  end");
        assertEquals(List.of("Hello", "Ġworld", "'s", "Ġ", "Ġend"), words);
    }

    @Test
    void llama3GroupsDigitsByThree() {
        assertEquals(List.of("123", "456", "7"), new PreTokenizer(PreTokenizerType.LLAMA3).words("1234567"));
        assertEquals(List.of("1", "2", "3"), new PreTokenizer(PreTokenizerType.QWEN2).words("123"));
    }
}
