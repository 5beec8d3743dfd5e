package dev.glassbox.rasp.lib;

import dev.glassbox.rasp.SOp;
import java.util.List;
import java.util.function.Supplier;

/**
 * One of the library's named programs with the vocabulary and length it is compiled for by default:
 * those of the original Tracr's reference compilation.
 *
 * @param causalSafe whether the program only reads earlier positions, so a causal model computes it
 */
public record LibraryProgram(String name, String description, List<Object> vocab, int maxSeqLen,
        boolean causalSafe, Supplier<SOp> builder) {

    public LibraryProgram {
        vocab = List.copyOf(vocab);
    }

    /** A fresh instance of the program. */
    public SOp build() {
        return builder.get();
    }
}
