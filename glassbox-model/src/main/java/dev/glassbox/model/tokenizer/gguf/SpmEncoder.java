package dev.glassbox.model.tokenizer.gguf;

import dev.glassbox.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;

/**
 * llama.cpp's SentencePiece BPE ({@code llm_tokenizer_spm_session}) on one piece of text whose spaces are
 * already "▁":
 * <ol>
 *   <li>every character is a symbol;
 *   <li>while two neighbouring symbols spell a token (of any type), the pair whose token has the highest
 *       score merges, the leftmost among equal scores;
 *   <li>each final symbol becomes its token; a symbol that is no token (a character missing from the
 *       vocabulary) becomes one byte token {@code <0xXX>} per UTF-8 byte.
 * </ol>
 * Unlike llama2.c's encoder ({@code SentencePieceTokenizer}), a character outside the vocabulary still
 * merges with its neighbours when together they spell a token, and control or byte tokens take part in
 * merges when their text appears.
 */
final class SpmEncoder implements PieceEncoder {
    private final TokenIndex ids;
    private final float[] scores;
    private final int unknown;

    /**
     * @param ids each token text's id
     * @param scores each id's score
     * @param unknown the unknown token, for a byte without a byte token (-1: none; llama.cpp aborts there)
     */
    SpmEncoder(TokenIndex ids, float[] scores, int unknown) {
        this.ids = ids;
        this.scores = scores;
        this.unknown = unknown;
    }

    private record Bigram(int left, int right, float score, int size) {}

    @Override
    public void encode(String text, IntList out) {
        int count = text.codePointCount(0, text.length());
        if (count == 0) return;
        int[] start = new int[count], size = new int[count], prev = new int[count], next = new int[count];
        for (int i = 0, pos = 0; i < count; i++) {
            start[i] = pos;
            size[i] = Character.charCount(text.codePointAt(pos));
            pos += size[i];
            prev[i] = i - 1;
            next[i] = i + 1 < count ? i + 1 : -1;
        }

        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) -> a.score != b.score
                ? Float.compare(b.score, a.score)
                : Integer.compare(a.left, b.left));
        for (int i = 1; i < count; i++) addBigram(text, start, size, i - 1, i, queue);

        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            if (size[b.left] == 0 || size[b.right] == 0 || size[b.left] + size[b.right] != b.size) continue; // stale
            size[b.left] += size[b.right];
            size[b.right] = 0;
            next[b.left] = next[b.right];
            if (next[b.right] >= 0) prev[next[b.right]] = b.left;
            addBigram(text, start, size, prev[b.left], b.left, queue);
            addBigram(text, start, size, b.left, next[b.left], queue);
        }

        for (int i = 0; i != -1; i = next[i]) {
            int id = ids.id(text, start[i], start[i] + size[i]);
            if (id >= 0) {
                out.add(id);
            } else {
                String symbol = text.substring(start[i], start[i] + size[i]);
                for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) out.add(byteToken(b & 0xFF));
            }
        }
    }

    private void addBigram(String text, int[] start, int[] size, int left, int right, PriorityQueue<Bigram> queue) {
        if (left < 0 || right < 0) return;
        int length = size[left] + size[right];
        int id = ids.id(text, start[left], start[left] + length);
        if (id >= 0) queue.add(new Bigram(left, right, scores[id], length));
    }

    /** {@code <0xXX>}, else the byte as a one-character token, else the unknown token. */
    private int byteToken(int b) {
        int id = ids.id(String.format("<0x%02X>", b));
        if (id < 0 && b < 0x80) id = ids.id(String.valueOf((char) b));
        if (id >= 0) return id;
        if (unknown >= 0) return unknown;
        throw new InvalidInputException(String.format("cannot encode the byte 0x%02X: the vocabulary has no <0x%02X>"
                + " byte token and no unknown token", b, b));
    }
}
