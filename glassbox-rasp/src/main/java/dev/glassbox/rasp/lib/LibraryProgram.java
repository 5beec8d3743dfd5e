package dev.glassbox.rasp.lib;

import dev.glassbox.rasp.SOp;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One of the library's named programs with the vocabulary and length it is compiled for by default:
 * those of the original Tracr's reference compilation.
 *
 * @param causalSafe whether the program only reads earlier positions, so a causal model computes it
 * @param builder builds the program for a maximal input length (only {@code sort} and {@code sort_freq}
 *     depend on it: they make keys unique as {@code key + i/max_seq_len})
 */
public record LibraryProgram(String name, String description, List<Object> vocab, int maxSeqLen,
        boolean causalSafe, IntFunction<SOp> builder) {

    public LibraryProgram {
        vocab = List.copyOf(vocab);
    }

    /** A fresh instance of the program, for its default length. */
    public SOp build() {
        return builder.apply(maxSeqLen);
    }

    /** A fresh instance of the program for inputs up to {@code length}. */
    public SOp build(int length) {
        return builder.apply(length);
    }
}
