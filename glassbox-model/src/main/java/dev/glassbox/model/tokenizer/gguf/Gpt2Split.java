package dev.glassbox.model.tokenizer.gguf;

import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isLetter;
import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isNumber;
import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isSpace;

/**
 * GPT-2's pre-tokenizer, {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+},
 * written out as llama.cpp's {@code unicode_regex_split_custom_gpt2} runs it (llama.cpp uses this code
 * for the expression wherever a pre-tokenizer lists it, and so does Glassbox).
 */
final class Gpt2Split implements WordSplit {

    @Override
    public IntList split(int[] cps, IntList pieces) {
        IntList out = new IntList();
        int start = 0;
        for (int i = 0; i < pieces.size(); i++) {
            int end = start + pieces.get(i);
            splitPiece(new PieceCursor(cps, start, end, out));
            start = end;
        }
        return out;
    }

    private static void splitPiece(PieceCursor c) {
        int end = c.end();
        for (int pos = c.start(); pos < end; ) {
            int cp = c.cp(pos);
            int flags = c.flags(pos);

            // 's|'t|'re|'ve|'m|'ll|'d
            if (cp == '\'' && pos + 1 < end) {
                int next = c.cp(pos + 1);
                if (next == 's' || next == 't' || next == 'm' || next == 'd') {
                    pos += c.emit(pos + 2);
                    continue;
                }
                if (pos + 2 < end) {
                    int nextNext = c.cp(pos + 2);
                    if ((next == 'r' && nextNext == 'e') || (next == 'v' && nextNext == 'e') || (next == 'l' && nextNext == 'l')) {
                        pos += c.emit(pos + 3);
                        continue;
                    }
                }
            }

            int flags2 = cp == ' ' ? c.flags(pos + 1) : flags;
            // <space>?\p{L}+
            if (isLetter(flags2)) {
                if (cp == ' ') pos++;
                while (isLetter(flags2)) flags2 = c.flags(++pos);
                c.emit(pos);
                continue;
            }
            // <space>?\p{N}+
            if (isNumber(flags2)) {
                if (cp == ' ') pos++;
                while (isNumber(flags2)) flags2 = c.flags(++pos);
                c.emit(pos);
                continue;
            }
            // <space>?[^\s\p{L}\p{N}]+
            if (!isSpace(flags2) && !isLetter(flags2) && !isNumber(flags2) && flags2 != CodepointFlags.NONE) {
                if (cp == ' ') pos++;
                while (!isSpace(flags2) && !isLetter(flags2) && !isNumber(flags2) && flags2 != CodepointFlags.NONE) {
                    flags2 = c.flags(++pos);
                }
                c.emit(pos);
                continue;
            }

            int spaces = 0;
            while (isSpace(c.flags(pos + spaces))) spaces++;
            // \s+(?!\S)
            if (spaces > 1 && c.cp(pos + spaces) != PieceCursor.OUT_OF_RANGE) {
                pos += spaces - 1;
                c.emit(pos);
                continue;
            }
            // \s+
            if (spaces > 0) {
                pos += spaces;
                c.emit(pos);
                continue;
            }
            // no match
            c.emit(++pos);
        }
    }
}
