package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialTokenSplitterTest {
    private static final String[] TEXTS = {"<s>", "<|user|>", "<|u", "  "};
    private static final int CONTROL = TokenAttr.CONTROL, USER = TokenAttr.USER_DEFINED;

    private static List<String> split(int[] attrs, String text, boolean parseSpecial) {
        SpecialTokenSplitter s = new SpecialTokenSplitter(TokenTexts.of(List.of(TEXTS)), attrs, new int[] {1, 2, 0, 3});
        return s.split(text, parseSpecial).stream().map(f -> switch (f) {
            case Fragment.Token t -> "#" + t.id();
            case Fragment.Text t -> text.substring(t.start(), t.end());
        }).toList();
    }

    @Test
    void userDefinedTokensAreCutOutAlwaysControlTokensOnlyWhenParsingSpecials() {
        int[] attrs = {CONTROL, USER, USER, USER};
        assertEquals(List.of("a", "#1", "b<s>c"), split(attrs, "a<|user|>b<s>c", false));
        assertEquals(List.of("a", "#1", "b", "#0", "c"), split(attrs, "a<|user|>b<s>c", true));
    }

    @Test
    void longerTokensGoFirstAndEveryOccurrenceIsCut() {
        int[] attrs = {CONTROL, USER, USER, USER};
        assertEquals(List.of("#2", "x", "#1", "#3", "#1"), split(attrs, "<|ux<|user|>  <|user|>", false));
    }

    @Test
    void strippingTokensSwallowTheWhitespaceBesideThem() {
        int[] attrs = {CONTROL, USER | TokenAttr.RSTRIP | TokenAttr.LSTRIP, USER, USER};
        assertEquals(List.of("a", "#1", "b"), split(attrs, "a \t<|user|> \nb", false));
        assertEquals(List.of("#1"), split(attrs, " <|user|> ", false));
    }

    @Test
    void emptyTextHasNoFragments() {
        assertEquals(List.of(), split(new int[] {CONTROL, USER, USER, USER}, "", true));
    }
}
