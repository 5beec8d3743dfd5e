package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BpeMergesTest {
    private static final BpeMerges MERGES = new BpeMerges(List.of("a b", "Ġ t", "ab", "a b", " a b", "中 文", "a  b"));

    @Test
    void aPairsRankIsItsFirstLine() {
        assertEquals(0, MERGES.rank("a", "b"));
        assertEquals(1, MERGES.rank("Ġ", "t"));
        assertEquals(5, MERGES.rank("中", "文"));
    }

    @Test
    void absentPairsAreMinusOne() {
        assertEquals(-1, MERGES.rank("b", "a"));
        assertEquals(-1, MERGES.rank("ab", ""));
        assertEquals(-1, MERGES.rank("中", "文字"));
    }
}
