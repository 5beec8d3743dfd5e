package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.hooks.Hook;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generation on stories260K: seeds, stops, step counting, hooks. */
class GeneratorTest {
    private final LanguageModel model = Stories260K.MODEL_AND_TOKENIZER;
    private final Generator generator = new Generator(model);

    @Test
    void theSameSeedGivesTheSameText() {
        Sampling sampling = new Sampling(1f, 0, 0.9f, 1234);
        String a = generator.generate("Lily", 40, sampling, TokenListener.NONE).text();
        String b = generator.generate("Lily", 40, sampling, TokenListener.NONE).text();
        String c = generator.generate("Lily", 40, new Sampling(1f, 0, 0.9f, 99), TokenListener.NONE).text();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(a.startsWith("Lily"), "the text includes the prompt, as llama2.c prints it: " + a);
    }

    @Test
    void topKOfOneIsGreedy() {
        int[] greedy = generator.generate("The cat", 30, Sampling.greedy(), TokenListener.NONE).tokens();
        int[] topOne = generator.generate("The cat", 30, new Sampling(1.5f, 1, 1f, 5), TokenListener.NONE).tokens();
        assertArrayEquals(greedy, topOne);
    }

    @Test
    void stepsCountPositionsFromBosAndStopAtTheContext() {
        GenerationResult r = generator.generate("One day", 10, Sampling.greedy(), TokenListener.NONE);
        assertEquals(3, r.promptTokens(), "BOS, ' One', ' day'");
        assertEquals(10 - 3 + 1, r.generatedTokens(), "positions 2..9 each choose one token");
        assertEquals(StopReason.STEPS, r.stop());
        int context = model.transformer().config().contextLength();
        Sampler neverStops = logits -> 400;
        GenerationResult whole = generator.generate(new int[] {1}, 100_000, neverStops,
                model.transformer().newHooks(), TokenListener.NONE);
        assertEquals(context + 1, whole.tokens().length, "positions 0..context-1 run, each choosing one token");
        assertTrue(r.promptTokensPerSecond() > 0 && r.generationTokensPerSecond() > 0);
    }

    @Test
    void stopsWhenTheModelChoosesBosOrEos() {
        for (int stopToken : new int[] {1, 2}) {
            int[] script = {400, 401, stopToken, 402};
            int[] next = {0};
            Sampler scripted = logits -> script[next[0]++];
            List<Integer> seen = new ArrayList<>();
            GenerationResult r = generator.generate(new int[] {1}, 50, scripted, model.transformer().newHooks(),
                    (id, text, fromPrompt) -> seen.add(id));
            assertEquals(stopToken == 1 ? StopReason.BOS : StopReason.EOS, r.stop());
            assertArrayEquals(new int[] {1, 400, 401}, r.tokens(), "the stop token is not part of the result");
            assertEquals(List.of(1, 400, 401), seen);
        }
    }

    @Test
    void hooksFireOnThePromptBatchThenOnePositionAtATime() {
        HookRegistry hooks = model.transformer().newHooks();
        List<Integer> positions = new ArrayList<>();
        try (HookHandle h = hooks.add("blocks.2.hook_resid_post", Hook.observe(a -> positions.add(a.dim(0))))) {
            GenerationResult r = generator.generate(generator.withBos("Once upon"), 8, Sampling.greedy(), hooks,
                    TokenListener.NONE);
            assertEquals(3, r.promptTokens());
        }
        assertEquals(List.of(3, 1, 1, 1, 1, 1), positions, "prompt of 3, then positions 3..7");
        assertTrue(hooks.isEmpty(), "the handle removed its hook");
    }

    @Test
    void anAblationHookChangesWhatIsGenerated() {
        int[] prompt = generator.withBos("Once upon a time");
        int[] plain = generator.generate(prompt, 30, Sampling.greedy(), model.transformer().newHooks(), TokenListener.NONE).tokens();
        HookRegistry hooks = model.transformer().newHooks();
        try (HookHandle h = hooks.add(name -> name.endsWith("hook_attn_out"), (a, name) -> {
            Arrays.fill(a.data(), 0f); // no attention at all: each position sees only its own token
            return a;
        })) {
            int[] ablated = generator.generate(prompt, 30, Sampling.greedy(), hooks, TokenListener.NONE).tokens();
            assertFalse(Arrays.equals(plain, ablated));
            assertArrayEquals(Arrays.copyOf(plain, prompt.length), Arrays.copyOf(ablated, prompt.length));
        }
        int[] again = generator.generate(prompt, 30, Sampling.greedy(), model.transformer().newHooks(), TokenListener.NONE).tokens();
        assertArrayEquals(plain, again, "the model is unchanged by the hooked run");
    }

    @Test
    void promptsThatCannotRun() {
        HookRegistry hooks = model.transformer().newHooks();
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> generator.generate(generator.withBos("Once upon a time"), 3, Sampling.greedy(), hooks, TokenListener.NONE));
        assertTrue(tooLong.getMessage().contains("raise steps"), tooLong.getMessage());
        assertThrows(InvalidInputException.class, () -> generator.generate(new int[0], 10, Sampling.greedy(), hooks, TokenListener.NONE));
        assertThrows(InvalidInputException.class, () -> generator.generate(new int[] {1, 512}, 10, Sampling.greedy(), hooks, TokenListener.NONE));
        assertThrows(InvalidInputException.class, () -> generator.generate(new int[] {1}, 0, Sampling.greedy(), hooks, TokenListener.NONE));
    }
}
