package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.generate.ChatMessage;
import dev.glassbox.model.generate.EndOfTurnSampler;
import dev.glassbox.model.generate.GemmaChatTemplate;
import dev.glassbox.model.generate.GenerationResult;
import dev.glassbox.model.generate.Generator;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.LanguageModelFiles;
import dev.glassbox.model.generate.Sampler;
import dev.glassbox.model.generate.Sampling;
import dev.glassbox.model.generate.TokenListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox generate --chat}: the prompt goes in as a Gemma user turn and only the reply is printed. */
class GenerateChatCommandTest {
    @TempDir Path dir;

    @Test
    void printsOnlyTheReplyToTheChatFormattedPrompt() {
        Path model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), "gemma2");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--prompt", "hi", "--chat", "--temperature", "0",
                "--steps", "24");
        assertEquals(0, run.status(), run.toString());

        LanguageModel lm = LanguageModelFiles.load(model, null);
        int[] prompt = GemmaChatTemplate.encode(lm.tokenizer(), List.of(ChatMessage.user("hi")), true);
        Sampler greedy = new EndOfTurnSampler(Sampler.of(Sampling.greedy()), GemmaChatTemplate.endOfTurn(lm.tokenizer()), 2);
        GenerationResult expected = new Generator(lm).generate(prompt, 24, greedy, lm.transformer().newHooks(), TokenListener.NONE);
        String reply = lm.tokenizer().decode(java.util.Arrays.copyOfRange(expected.tokens(), prompt.length, expected.tokens().length));
        assertEquals(reply + "\n", run.out());
        assertTrue(run.err().contains("prompt: " + prompt.length + " tokens"), run.err());
    }

    @Test
    void aVocabularyWithoutGemmasMarkersIsAUserError() {
        Path stories = dev.glassbox.core.SharedFiles.require("models/stories260K/stories260K.bin");
        Path tok = dev.glassbox.core.SharedFiles.require("models/stories260K/tok512.bin");
        CliRun run = CliRun.of("generate", "--model", stories.toString(), "--tokenizer", tok.toString(), "--prompt", "hi", "--chat");
        assertEquals(Main.USER_ERROR, run.status(), run.toString());
        assertTrue(run.err().contains("<start_of_turn>"), run.err());
    }
}
