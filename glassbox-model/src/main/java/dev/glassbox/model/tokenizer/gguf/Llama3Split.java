package dev.glassbox.model.tokenizer.gguf;

import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isLetter;
import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isMark;
import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isNumber;
import static dev.glassbox.model.tokenizer.gguf.CodepointFlags.isSpace;

/**
 * The Llama 3 family of pre-tokenizers, written out as llama.cpp's hand-written splitters run them:
 * <pre>
 * (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * </pre>
 * {@link #LLAMA3} as written; {@link #QWEN2} with single digits ({@code \p{N}}); {@link #QWEN35} with single
 * digits and marks counted with letters ({@code [\p{L}\p{M}]+}, {@code [^\s\p{L}\p{M}\p{N}]}).
 */
final class Llama3Split implements WordSplit {
    static final Llama3Split LLAMA3 = new Llama3Split(3, false);
    static final Llama3Split QWEN2 = new Llama3Split(1, false);
    static final Llama3Split QWEN35 = new Llama3Split(1, true);

    private final int maxDigits;
    private final boolean marksAreLetters;

    private Llama3Split(int maxDigits, boolean marksAreLetters) {
        this.maxDigits = maxDigits;
        this.marksAreLetters = marksAreLetters;
    }

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

    private boolean letter(int flags) {
        return isLetter(flags) || (marksAreLetters && isMark(flags));
    }

    private void splitPiece(PieceCursor c) {
        int end = c.end();
        for (int pos = c.start(); pos < end; ) {
            int cp = c.cp(pos);
            int flags = c.flags(pos);

            // (?i:'s|'t|'re|'ve|'m|'ll|'d)
            if (cp == '\'' && pos + 1 < end) {
                int next = CodepointFlags.toLower(c.cp(pos + 1));
                if (next == 's' || next == 't' || next == 'm' || next == 'd') {
                    pos += c.emit(pos + 2);
                    continue;
                }
                if (pos + 2 < end) {
                    int nextNext = CodepointFlags.toLower(c.cp(pos + 2));
                    if ((next == 'r' && nextNext == 'e') || (next == 'v' && nextNext == 'e') || (next == 'l' && nextNext == 'l')) {
                        pos += c.emit(pos + 3);
                        continue;
                    }
                }
            }

            // [^\r\n\p{L}\p{N}]?\p{L}+
            if (!(cp == '\r' || cp == '\n' || isNumber(flags))) {
                if (letter(flags) || letter(c.flags(pos + 1))) {
                    pos++;
                    while (letter(c.flags(pos))) pos++;
                    c.emit(pos);
                    continue;
                }
            }

            // \p{N}{1,maxDigits}
            if (isNumber(flags)) {
                int runStart = pos;
                while (isNumber(c.flags(pos))) {
                    if (++pos - runStart >= maxDigits) {
                        c.emit(pos);
                        runStart = pos;
                    }
                }
                c.emit(pos);
                continue;
            }

            // <space>?[^\s\p{L}\p{N}]+[\r\n]*
            int flags2 = cp == ' ' ? c.flags(pos + 1) : flags;
            if (!isSpace(flags2) && !letter(flags2) && !isNumber(flags2) && flags != CodepointFlags.NONE) {
                if (cp == ' ') pos++;
                while (!isSpace(flags2) && !letter(flags2) && !isNumber(flags2) && flags2 != CodepointFlags.NONE) {
                    flags2 = c.flags(++pos);
                }
                int cp2 = c.cp(pos);
                while (cp2 == '\r' || cp2 == '\n') cp2 = c.cp(++pos);
                c.emit(pos);
                continue;
            }

            int spaces = 0;
            int lastLineEnd = 0;
            while (isSpace(c.flags(pos + spaces))) {
                int cp2 = c.cp(pos + spaces);
                if (cp2 == '\r' || cp2 == '\n') lastLineEnd = pos + spaces + 1;
                spaces++;
            }
            // \s*[\r\n]+
            if (lastLineEnd > 0) {
                pos = lastLineEnd;
                c.emit(pos);
                continue;
            }
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
