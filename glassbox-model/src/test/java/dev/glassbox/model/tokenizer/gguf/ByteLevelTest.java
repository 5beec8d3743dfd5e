package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteLevelTest {

    @Test
    void bytesAreSpelledInGpt2sAlphabet() {
        assertEquals("Ġ", ByteLevel.encode(" "));
        assertEquals("Ċ", ByteLevel.encode("\n"));
        assertEquals("a", ByteLevel.encode("a"));
        assertEquals("Ã©", ByteLevel.encode("é"));
    }

    @Test
    void theAlphabetIsABijection() {
        Set<Integer> seen = new HashSet<>();
        for (int c = 0; c < 512; c++) {
            int b = ByteLevel.byteOf(c);
            if (b < 0) continue;
            seen.add(b);
            assertArrayEquals(new byte[] {(byte) b}, ByteLevel.decode(Character.toString(c)));
        }
        assertEquals(256, seen.size());
    }

    @Test
    void aCharacterOutsideTheAlphabetDecodesAsLlamaCppWritesIt() {
        assertEquals("a[UNK_BYTE_0xe282aca€]", new String(ByteLevel.decode("a€"), StandardCharsets.UTF_8));
    }
}
