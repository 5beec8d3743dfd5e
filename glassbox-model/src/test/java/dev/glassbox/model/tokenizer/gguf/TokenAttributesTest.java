package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenAttributesTest {

    private record Vocab(String[] texts, int[] attrs, TokenIndex ids, Map<SpecialToken, Integer> special) {
        static Vocab of(Object... textAttrPairs) {
            int n = textAttrPairs.length / 2;
            String[] texts = new String[n];
            int[] attrs = new int[n];
            for (int i = 0; i < n; i++) {
                texts[i] = (String) textAttrPairs[2 * i];
                attrs[i] = (Integer) textAttrPairs[2 * i + 1];
            }
            TokenIndex ids = new TokenIndex(TokenTexts.of(Arrays.asList(texts)));
            Map<SpecialToken, Integer> special = new EnumMap<>(SpecialToken.class);
            for (SpecialToken role : SpecialToken.values()) special.put(role, -1);
            return new Vocab(texts, attrs, ids, special);
        }

        TokenAttributes.Result derive(String pre, String name) {
            return TokenAttributes.derive(ids, attrs, special, pre, name, "");
        }
    }

    @Test
    void endOfTurnTokensAreFoundByTextAndBecomeControl() {
        Vocab v = Vocab.of("a", TokenAttr.NORMAL, "<|im_end|>", TokenAttr.USER_DEFINED, "<|fim_prefix|>", TokenAttr.NORMAL);
        TokenAttributes.Result r = v.derive("qwen2", "");
        assertEquals(1, v.special().get(SpecialToken.EOT));
        assertEquals(2, v.special().get(SpecialToken.FIM_PRE));
        assertTrue(TokenAttr.has(r.attrs()[1], TokenAttr.CONTROL));
        assertTrue(TokenAttr.has(r.attrs()[2], TokenAttr.CONTROL));
        assertEquals(Set.of(1), r.eog());
        assertArrayEquals(new int[] {2, 1}, r.specialTokens(), "longest text first");
    }

    @Test
    void controlTokensThatSayUnusedAreUnused() {
        Vocab v = Vocab.of("<unused0>", TokenAttr.CONTROL, "unused", TokenAttr.NORMAL);
        int[] attrs = v.derive("", "").attrs();
        assertTrue(TokenAttr.has(attrs[0], TokenAttr.UNUSED));
        assertEquals(TokenAttr.NORMAL, attrs[1]);
    }

    @Test
    void gemma4sClosingSIsText() {
        Vocab v = Vocab.of("</s>", TokenAttr.USER_DEFINED, "<|tool_response>", TokenAttr.USER_DEFINED);
        TokenAttributes.Result r = v.derive("gemma4", "");
        assertEquals(TokenAttr.NORMAL, r.attrs()[0]);
        assertEquals(Set.of(1), r.eog());
    }

    @Test
    void phi3StripsWhitespaceAfterItsSpecialTokens() {
        Vocab v = Vocab.of("<s>", TokenAttr.CONTROL, "<|user|>", TokenAttr.USER_DEFINED, "</s>", TokenAttr.USER_DEFINED);
        int[] attrs = v.derive("default", "Phi3").attrs();
        assertEquals(0, attrs[0] & TokenAttr.RSTRIP);
        assertTrue(TokenAttr.has(attrs[1], TokenAttr.RSTRIP));
        assertTrue(TokenAttr.has(attrs[2], TokenAttr.RSTRIP));
    }
}
