package dev.glassbox.model.tokenizer.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp's WordPiece ({@code llm_tokenizer_wpm_session}, BERT vocabularies) on one piece of text:
 * <ol>
 *   <li>each character is reduced to the first code point of its NFD decomposition and accents are dropped
 *       (with {@code stripAccents}), lowercased (with {@code lowercase}); control characters are dropped;
 *   <li>whitespace separates words, and each punctuation mark, ASCII symbol and CJK ideograph is a word
 *       of its own;
 *   <li>each word, with "▁" before it, is covered left to right by the longest tokens that spell it; a
 *       word that cannot be covered entirely becomes the unknown token.
 * </ol>
 */
final class WpmEncoder implements PieceEncoder {
    private final TokenIndex ids;
    private final int maxTokenBytes;
    private final int unknown;
    private final boolean lowercase, stripAccents;

    /** @param maxTokenBytes the longest token text in UTF-8 bytes (llama.cpp's max_token_len) */
    WpmEncoder(TokenIndex ids, int maxTokenBytes, int unknown, boolean lowercase, boolean stripAccents) {
        this.ids = ids;
        this.maxTokenBytes = maxTokenBytes;
        this.unknown = unknown;
        this.lowercase = lowercase;
        this.stripAccents = stripAccents;
    }

    @Override
    public void encode(String text, IntList out) {
        for (String word : words(text)) {
            String spelled = "\u2581" + word;
            int[] boundaries = spelled.codePoints().map(Character::charCount).toArray();
            int[] charAt = new int[boundaries.length + 1], byteAt = new int[boundaries.length + 1];
            for (int k = 0; k < boundaries.length; k++) {
                charAt[k + 1] = charAt[k] + boundaries[k];
                byteAt[k + 1] = byteAt[k] + utf8Length(spelled.codePointAt(charAt[k]));
            }
            int before = out.size();
            for (int i = 0; i < boundaries.length; ) {
                int end = i + 1;
                while (end < boundaries.length && byteAt[end + 1] - byteAt[i] <= maxTokenBytes + 1) end++;
                int matched = -1;
                for (int j = end; j > i && matched < 0; j--) {
                    int id = ids.id(spelled, charAt[i], charAt[j]);
                    if (id >= 0) {
                        out.add(id);
                        matched = j;
                    }
                }
                if (matched < 0) {
                    out.truncate(before);
                    break;
                }
                i = matched;
            }
            if (out.size() == before && unknown >= 0) out.add(unknown);
        }
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (stripAccents) cp = CodepointFlags.nfdFirst(cp);
            int flags = CodepointFlags.of(cp);
            if (CodepointFlags.isSpace(flags)) {
                finish(word, words);
                continue;
            }
            if (cp == 0 || cp == 0xFFFD || CodepointFlags.isControl(flags)) continue;
            if (stripAccents && CodepointFlags.isMark(flags)) continue;
            int c = lowercase ? CodepointFlags.toLower(cp) : cp;
            if (CodepointFlags.isPunctuation(flags) || (cp < 0x7F && CodepointFlags.isSymbol(flags)) || isChinese(cp)) {
                finish(word, words);
                words.add(Character.toString(c));
            } else {
                word.appendCodePoint(c);
            }
        }
        finish(word, words);
        return words;
    }

    private static void finish(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) words.add(word.toString());
        word.setLength(0);
    }

    /** The CJK ranges BERT splits per character (0x2B920, not 0x2B820, as in Hugging Face's Rust code). */
    private static boolean isChinese(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
