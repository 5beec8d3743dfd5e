package dev.glassbox.model.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.glassbox.model.Transformer;
import dev.glassbox.tensor.parallel.Parallelism;
import dev.glassbox.tensor.parallel.ThreadPool;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model whose products are shared out between threads computes the same logits, bit for bit, as on one
 * thread: a GGUF model with every tensor type, prompts long enough that the products are split.
 */
class ParallelForwardTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void threadsChangeNoLogit(boolean gemma2) {
        Path file = new TinyGguf(gemma2, false).write(dir.resolve("tiny.gguf"));
        int[] tokens = {1, 5, 9, 2, 40, 7, 7, 3, 11, 30, 0, 47};
        try (GgufModel model = GgufModel.load(file); ThreadPool three = new ThreadPool(3)) {
            Transformer serial = model.transformer();
            Transformer parallel = serial.withParallelism(three);
            assertSame(Parallelism.serial(), serial.parallelism());
            assertEquals(3, parallel.parallelism().threads());
            float[][] expected = serial.forward(tokens);
            for (int repeat = 0; repeat < 3; repeat++) {
                float[][] actual = parallel.forward(tokens);
                for (int i = 0; i < tokens.length; i++) assertArrayEquals(expected[i], actual[i], 0f, "position " + i);
            }
        }
    }
}
