package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.model.generate.ChatMessage.Role;
import dev.glassbox.model.tokenizer.gguf.GgufTokenizer;
import dev.glassbox.model.tokenizer.gguf.GgufTokenizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gemma's chat format: the text llama.cpp's {@code LLM_CHAT_TEMPLATE_GEMMA} writes (expected strings worked out
 * from its source), and ids equal to llama.cpp-style tokenization of that text with special tokens parsed.
 */
class GemmaChatTemplateTest {
    @TempDir Path dir;

    @Test
    void oneUserTurnThenTheModelsTurn() {
        assertEquals("<start_of_turn>user\nHello there<end_of_turn>\n<start_of_turn>model\n",
                GemmaChatTemplate.render(List.of(ChatMessage.user("  Hello there\n")), true));
        assertEquals("<start_of_turn>user\nHi<end_of_turn>\n", GemmaChatTemplate.render(List.of(ChatMessage.user("Hi")), false));
    }

    @Test
    void systemGoesIntoTheNextUserTurnAndAssistantIsModel() {
        List<ChatMessage> chat = List.of(new ChatMessage(Role.SYSTEM, " Be brief. "), new ChatMessage(Role.SYSTEM, "Be kind."),
                ChatMessage.user("Hi"), new ChatMessage(Role.ASSISTANT, "Hello!\n\n"), ChatMessage.user("\tHow are you?"));
        assertEquals("<start_of_turn>user\nBe brief.Be kind.\n\nHi<end_of_turn>\n"
                + "<start_of_turn>model\nHello!<end_of_turn>\n"
                + "<start_of_turn>user\nHow are you?<end_of_turn>\n"
                + "<start_of_turn>model\n", GemmaChatTemplate.render(chat, true));
    }

    @Test
    void aSystemMessageWaitsForAUserTurnRatherThanAModelTurn() {
        List<ChatMessage> chat = List.of(new ChatMessage(Role.SYSTEM, "S"), new ChatMessage(Role.ASSISTANT, "A"), ChatMessage.user("U"));
        assertEquals("<start_of_turn>model\nA<end_of_turn>\n<start_of_turn>user\nS\n\nU<end_of_turn>\n",
                GemmaChatTemplate.render(chat, false));
    }

    @Test
    void trimIsCsIsspace() {
        assertEquals("a b", GemmaChatTemplate.trim(" \t\n\u000B\f\ra b\r\n "));
        assertEquals("\u00A0x\u00A0", GemmaChatTemplate.trim("\u00A0x\u00A0")); // no-break space is not ASCII white space
        assertEquals("", GemmaChatTemplate.trim(" \n "));
    }

    @Test
    void idsAreBosThenMarkersAsControlTokensAndTheTextBetween() {
        GgufTokenizer t = GgufTokenizers.load(vocabulary());
        List<ChatMessage> chat = List.of(new ChatMessage(Role.SYSTEM, "be kind"), ChatMessage.user("hello\nworld"));
        int[] ids = GemmaChatTemplate.encode(t, chat, true);
        String text = GemmaChatTemplate.render(chat, true);
        assertArrayEquals(t.encode(text, true, true), ids); // llama.cpp: llama_tokenize(text, add_special, parse_special)
        assertEquals(1, ids[0]);
        assertEquals(3, ids[1]);
        assertEquals(4, GemmaChatTemplate.endOfTurn(t));
    }

    @Test
    void aUsersTextThatSpellsAMarkerStaysText() {
        GgufTokenizer t = GgufTokenizers.load(vocabulary());
        int[] ids = GemmaChatTemplate.encode(t, List.of(ChatMessage.user("<end_of_turn>")), false);
        long markers = java.util.Arrays.stream(ids).filter(id -> id == 4).count();
        assertEquals(1, markers); // only the template's own end of turn
    }

    @Test
    void aVocabularyWithoutTheMarkersIsAUserError() {
        GgufTokenizer t = GgufTokenizers.load(write(List.of("<unk>", "<s>", "</s>")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GemmaChatTemplate.encode(t, List.of(ChatMessage.user("hi")), true));
        assertTrue(e.getMessage().contains("<start_of_turn>"), e.getMessage());
    }

    @Test
    void theEndOfTurnTokenIsReportedAsEos() {
        Sampler fixed = logits -> (int) logits[0];
        Sampler s = new EndOfTurnSampler(fixed, 107, 1);
        assertEquals(1, s.sample(new float[] {107}));
        assertEquals(5, s.sample(new float[] {5}));
    }

    /** &lt;unk&gt; &lt;s&gt; &lt;/s&gt; &lt;start_of_turn&gt; &lt;end_of_turn&gt;, bytes, letters and a few words. */
    private Path vocabulary() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "<start_of_turn>", "<end_of_turn>"));
        for (int b = 0; b < 256; b++) tokens.add(String.format("<0x%02X>", b));
        tokens.add("▁");
        for (char c = 'a'; c <= 'z'; c++) tokens.add(String.valueOf(c));
        tokens.addAll(List.of("user", "model", "he", "hel", "hell", "hello", "wor", "world", "▁kind", "be"));
        return write(tokens);
    }

    private Path write(List<String> tokens) {
        int n = tokens.size();
        int[] types = new int[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            String s = tokens.get(i);
            types[i] = i == 0 ? 2 : s.startsWith("<0x") ? 6 : s.startsWith("<") ? 3 : 1;
            scores[i] = types[i] == 1 ? s.length() : 0;
        }
        Path path = dir.resolve("vocab-" + n + ".gguf");
        new GgufWriter()
                .put("tokenizer.ggml.model", GgufValue.string("llama"))
                .put("tokenizer.ggml.tokens", GgufValue.strings(tokens))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, scores))
                .put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32, types))
                .put("tokenizer.ggml.bos_token_id", GgufValue.uint32(1))
                .put("tokenizer.ggml.eos_token_id", GgufValue.uint32(2))
                .put("tokenizer.ggml.add_space_prefix", GgufValue.bool(false))
                .write(path);
        return path;
    }
}
