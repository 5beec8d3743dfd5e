package dev.glassbox.model.tokenizer.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts special tokens out of a text before any merging, as llama.cpp's {@code tokenizer_st_partition}:
 * each special token in turn, longest text first, is found at every place in the remaining text pieces
 * (left to right, without overlap), and becomes that token. A token marked LSTRIP swallows the whitespace
 * before it, RSTRIP the whitespace after it.
 *
 * <p>Without {@code parseSpecial}, control and unknown tokens are left in the text (and merged as text), but
 * user-defined tokens are still cut out, as Hugging Face's tokenizers do.
 */
final class SpecialTokenSplitter {
    private final int[] attrs;
    private final int[] specialTokens;
    private final String[] specialTexts; // specialTexts[k] is the text of specialTokens[k], decoded once

    /** @param specialTokens the ids to cut out, in the order to cut them (longest text first) */
    SpecialTokenSplitter(TokenTexts texts, int[] attrs, int[] specialTokens) {
        this.attrs = attrs;
        this.specialTokens = specialTokens;
        specialTexts = new String[specialTokens.length];
        for (int k = 0; k < specialTokens.length; k++) specialTexts[k] = texts.text(specialTokens[k]);
    }

    List<Fragment> split(String text, boolean parseSpecial) {
        List<Fragment> fragments = new ArrayList<>();
        if (text.isEmpty()) return fragments;
        fragments.add(new Fragment.Text(0, text.length()));
        for (int k = 0; k < specialTokens.length; k++) {
            int id = specialTokens[k];
            if (!parseSpecial && TokenAttr.has(attrs[id], TokenAttr.CONTROL | TokenAttr.UNKNOWN)) continue;
            String special = specialTexts[k];
            List<Fragment> next = new ArrayList<>(fragments.size());
            for (Fragment f : fragments) {
                if (f instanceof Fragment.Text t) {
                    cut(text, t.start(), t.end(), id, special, next);
                } else {
                    next.add(f);
                }
            }
            fragments = next;
        }
        return fragments;
    }

    private void cut(String text, int start, int end, int id, String special, List<Fragment> out) {
        boolean lstrip = TokenAttr.has(attrs[id], TokenAttr.LSTRIP);
        boolean rstrip = TokenAttr.has(attrs[id], TokenAttr.RSTRIP);
        while (true) {
            int match = text.indexOf(special, start);
            if (match < 0 || match + special.length() > end) {
                if (end > start) out.add(new Fragment.Text(start, end));
                return;
            }
            int leftEnd = match;
            if (lstrip) {
                while (leftEnd > start && isSpace(text.charAt(leftEnd - 1))) leftEnd--;
            }
            if (leftEnd > start) out.add(new Fragment.Text(start, leftEnd));
            out.add(new Fragment.Token(id));
            start = match + special.length();
            if (rstrip) {
                while (start < end && isSpace(text.charAt(start))) start++;
            }
        }
    }

    /** C's isspace in the "C" locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
