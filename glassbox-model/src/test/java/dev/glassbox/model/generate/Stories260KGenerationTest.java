package dev.glassbox.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.forward.KeyValueCache;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The acceptance test: our forward pass, cache and tokenizer reproduce llama2.c on a real model. */
class Stories260KGenerationTest {
    private final LanguageModel model = Stories260K.MODEL_AND_TOKENIZER;

    @Test
    void greedyFromBosFor256StepsPrintsThePublishedText() {
        StringBuilder streamed = new StringBuilder();
        GenerationResult result = new Generator(model).generate("", 256, Sampling.greedy(), new TokenListener() {
            @Override
            public void onToken(int id, String text, boolean fromPrompt) {
                streamed.append(text);
            }

            @Override
            public void onEnd(String text) {
                streamed.append(text);
            }
        });
        String published = Stories260K.publishedGreedyText();
        assertTrue(published.startsWith("Once upon a time") && published.length() > 500, published);
        assertEquals(published, result.text());
        assertEquals(result.text(), streamed.toString(), "the streamed pieces add up to the text");
        assertEquals(256, result.generatedTokens(), "256 positions run from BOS choose 256 tokens");
        assertEquals(StopReason.STEPS, result.stop());
    }

    @Test
    void aHalfPrecisionCacheGivesThePublishedTextToo() {
        GenerationResult result = new Generator(model).withCachePrecision(KeyValueCache.Precision.F16)
                .generate("", 256, Sampling.greedy(), TokenListener.NONE);
        assertEquals(Stories260K.publishedGreedyText(), result.text());
    }

    @Test
    void greedyDecodingWithTheCacheEqualsRecomputingEveryPrefix() {
        int steps = 24;
        GenerationResult cached = new Generator(model).generate("Lily saw", steps, Sampling.greedy(), TokenListener.NONE);

        Transformer transformer = model.transformer();
        int[] tokens = Arrays.copyOf(cached.tokens(), cached.promptTokens());
        GreedySampler argmax = new GreedySampler();
        while (tokens.length <= steps) { // no cache: the whole prefix again for every new token
            float[][] logits = transformer.forward(tokens);
            tokens = Arrays.copyOf(tokens, tokens.length + 1);
            tokens[tokens.length - 1] = argmax.sample(logits[logits.length - 1]);
        }
        assertArrayEquals(tokens, cached.tokens());
    }
}
