package dev.glassbox.model.llama2c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.llama2c.Llama2cCheckpoint;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint mapped onto our configuration computes what run.c computes. */
class Llama2cTransformersTest {
    @TempDir
    Path dir;

    @Test
    void logitsEqualRunCsForwardWithGroupedQueriesAndAnUntiedClassifier() throws IOException {
        // dim 16, hidden 24, 2 layers, 4 heads of 4 sharing 2 key/value heads, vocab 9 untied, seq_len 8
        Path path = Llama2cTestFiles.checkpoint(dir, new int[] {16, 24, 2, 4, 2, -9, 8}, 7);
        Llama2cCheckpoint checkpoint = Llama2cCheckpoint.read(path);
        Transformer model = Llama2cTransformers.of(checkpoint);
        int[] tokens = {1, 5, 8, 0, 3, 3, 7, 2};
        float[][] ours = model.forward(tokens);
        RunC runC = new RunC(checkpoint);
        for (int pos = 0; pos < tokens.length; pos++) {
            assertArrayEquals(runC.forward(tokens[pos], pos), ours[pos], 2e-4f, "position " + pos);
        }
    }

    @Test
    void configIsLlamaWithRunCsConstants() throws IOException {
        Transformer model = Llama2cTransformers.load(Llama2cTestFiles.checkpoint(dir, new int[] {16, 24, 2, 4, 2, 9, 8}, 1));
        TransformerConfig c = model.config();
        assertEquals(TransformerConfig.Positions.ROPE_INTERLEAVED, c.positions());
        assertEquals(10000f, c.ropeTheta());
        assertEquals(1e-5f, c.normEps());
        assertEquals(0.5f, c.attnScale(), "1/sqrt(head size 4)");
        assertEquals(2, c.groupSize());
        assertTrue(c.gatedMlp() && c.causal());
        assertEquals(model.weights().embed(), model.weights().unembed(), "positive vocab_size: tied");
    }

    @Test
    void tokenizerOfAnotherVocabularySize() throws IOException {
        Path model = Llama2cTestFiles.checkpoint(dir, new int[] {16, 24, 1, 4, 2, 9, 8}, 1);
        Path tokenizer = Llama2cTestFiles.tokenizer(dir, "a", "b", "c"); // 6 tokens, the model has 9
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> Llama2cTokenizers.load(tokenizer, 9, model));
        assertTrue(e.getMessage().startsWith(tokenizer.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the tokenizer has 6 tokens but the model " + model + " has vocab_size 9"),
                e.getMessage());
    }
}
