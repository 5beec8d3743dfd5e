package dev.glassbox.model.tokenizer.gguf;

import java.util.List;

/**
 * The merge ranks of a BPE vocabulary: line i of {@code tokenizer.ggml.merges}, "left right", is rank i. A
 * line is cut at its first space after the first character (so a left part may itself start with a
 * space); where a pair repeats, its first rank counts. The lines stay packed as UTF-8 ({@link TokenTexts})
 * with a {@link TokenIndex} over them: Gemma 4's 514,906 merges would otherwise be as many HashMap entries.
 */
final class BpeMerges {
    private final TokenIndex ranks;

    BpeMerges(List<String> lines) {
        // A line with no space after its first character is no pair; it needs no filtering out, since no
        // "left right" looked up (left never empty) can equal it.
        ranks = TokenIndex.firstWins(TokenTexts.of(lines));
    }

    /** The rank of merging {@code left} and {@code right} (neither contains a space), or -1. */
    int rank(String left, String right) {
        return ranks.id(left + ' ' + right);
    }
}
