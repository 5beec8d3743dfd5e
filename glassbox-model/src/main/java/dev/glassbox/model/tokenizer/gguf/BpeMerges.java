package dev.glassbox.model.tokenizer.gguf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge ranks of a BPE vocabulary: line i of {@code tokenizer.ggml.merges}, "left right", is rank i. A
 * line is cut at its first space after the first character (so a left part may itself start with a
 * space); where a pair repeats, its first rank counts.
 */
final class BpeMerges {
    private final Map<String, Integer> ranks;

    BpeMerges(List<String> lines) {
        ranks = new HashMap<>(lines.size() * 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf(' ', 1) > 0) ranks.putIfAbsent(line, i);
        }
    }

    /** The rank of merging {@code left} and {@code right} (neither contains a space), or -1. */
    int rank(String left, String right) {
        Integer r = ranks.get(left + ' ' + right);
        return r == null ? -1 : r;
    }

    int size() {
        return ranks.size();
    }
}
