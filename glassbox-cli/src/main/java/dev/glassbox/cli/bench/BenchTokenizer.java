package dev.glassbox.cli.bench;

import dev.glassbox.model.tokenizer.Tokenizer;
import java.util.OptionalInt;

/**
 * A stand-in tokenizer for benchmarks, which feed token ids and never need text: ids decode to nothing,
 * and there is no BOS or EOS, so generation runs for exactly the steps asked for.
 */
final class BenchTokenizer implements Tokenizer {
    private final int vocabSize;

    BenchTokenizer(int vocabSize) {
        this.vocabSize = vocabSize;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public OptionalInt bos() {
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt eos() {
        return OptionalInt.empty();
    }

    @Override
    public int[] encode(String text) {
        throw new UnsupportedOperationException("the benchmark tokenizer has no text; pass token ids");
    }

    @Override
    public String piece(int id) {
        return "#" + id;
    }

    @Override
    public byte[] decode(int previous, int id) {
        return new byte[0];
    }
}
