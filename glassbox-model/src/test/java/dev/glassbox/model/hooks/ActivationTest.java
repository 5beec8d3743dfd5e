package dev.glassbox.model.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.glassbox.core.Closest;
import org.junit.jupiter.api.Test;

class ActivationTest {
    @Test
    void indexesRowMajor() {
        Activation a = new Activation(new int[] {2, 3, 4}, new float[24]);
        a.set(7f, 1, 2, 3);
        assertEquals(23, a.offset(1, 2, 3));
        assertEquals(7f, a.data()[23]);
        assertEquals(7f, a.get(1, 2, 3));
        assertEquals(3, a.rank());
        assertEquals(4, a.dim(2));
    }

    @Test
    void rejectsMismatchedShapesAndIndices() {
        assertThrows(IllegalArgumentException.class, () -> new Activation(new int[] {2, 2}, new float[3]));
        Activation a = Activation.zeros(2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> a.get(1));
    }

    @Test
    void copyIsIndependent() {
        Activation a = Activation.zeros(3);
        Activation b = a.copy();
        b.set(1f, 0);
        assertArrayEquals(new float[3], a.data());
    }

    @Test
    void editDistanceCountsEdits() {
        assertEquals(0, Closest.editDistance("hook_q", "hook_q"));
        assertEquals(5, Closest.editDistance("blocks.0.hook_q", "blocks.0.attn.hook_q"));
        assertEquals(1, Closest.editDistance("blocks.7.x", "blocks.1.x"));
    }

    @Test
    void everyModelHasTheSameVocabularyExceptTheGatedUpProjection() {
        HookNames plain = HookNames.of(2, false), gated = HookNames.of(2, true);
        assertEquals(plain.all().size() + 2, gated.all().size());
        assertEquals("hook_embed", plain.all().getFirst());
        assertEquals("ln_final.hook_normalized", plain.all().getLast());
        assertEquals("blocks.1.attn.hook_attn_scores", plain.layer(1).attnScores());
    }
}
