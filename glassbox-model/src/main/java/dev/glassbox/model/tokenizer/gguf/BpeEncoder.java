package dev.glassbox.model.tokenizer.gguf;

import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;

/**
 * llama.cpp's BPE ({@code llm_tokenizer_bpe_session}) on one piece of text:
 * <ol>
 *   <li>the {@link PreTokenizer} cuts it into words (byte-encoded for byte-level vocabularies);
 *   <li>with {@code ignoreMerges}, a word that is a token is that token (Llama 3); for Gemma 4, so is a run
 *       of newlines that is a token;
 *   <li>otherwise each character of the word is a symbol, and while some neighbouring pair has a merge,
 *       the pair with the lowest rank merges (the leftmost among equal ranks);
 *   <li>each final symbol becomes its token; one that is no token falls back to one token per byte where
 *       the vocabulary has one ({@code <0xXX>} when words are not byte-encoded), and is dropped otherwise.
 * </ol>
 */
final class BpeEncoder implements PieceEncoder {
    private final TokenIndex ids;
    private final BpeMerges merges;
    private final PreTokenizer preTokenizer;
    private final boolean byteEncode;
    private final boolean ignoreMerges;
    private final boolean newlineRunsWhole;

    BpeEncoder(TokenIndex ids, BpeMerges merges, PreTokenizerType type, boolean ignoreMerges) {
        this.ids = ids;
        this.merges = merges;
        this.preTokenizer = new PreTokenizer(type);
        this.byteEncode = type.byteEncode();
        this.ignoreMerges = ignoreMerges;
        this.newlineRunsWhole = type == PreTokenizerType.GEMMA4;
    }

    private record Bigram(int left, int right, String text, int rank) {}

    @Override
    public void encode(String text, IntList out) {
        for (String word : preTokenizer.words(text)) encodeWord(word, out);
    }

    private void encodeWord(String word, IntList out) {
        if (ignoreMerges || (newlineRunsWhole && word.chars().allMatch(c -> c == '\n'))) {
            int whole = ids.id(word);
            if (whole >= 0) {
                out.add(whole);
                return;
            }
        }
        int count = word.codePointCount(0, word.length());
        if (count == 0) return;
        int[] start = new int[count], size = new int[count], prev = new int[count], next = new int[count];
        for (int i = 0, pos = 0; i < count; i++) {
            start[i] = pos;
            size[i] = Character.charCount(word.codePointAt(pos));
            pos += size[i];
            prev[i] = i - 1;
            next[i] = i + 1 < count ? i + 1 : -1;
        }

        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) -> a.rank != b.rank
                ? Integer.compare(a.rank, b.rank)
                : Integer.compare(a.left, b.left));
        for (int i = 1; i < count; i++) addBigram(word, start, size, i - 1, i, queue);

        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            if (size[b.left] == 0 || size[b.right] == 0) continue;
            String left = word.substring(start[b.left], start[b.left] + size[b.left]);
            String right = word.substring(start[b.right], start[b.right] + size[b.right]);
            if (!(left + right).equals(b.text)) continue; // stale
            size[b.left] += size[b.right];
            size[b.right] = 0;
            next[b.left] = next[b.right];
            if (next[b.right] >= 0) prev[next[b.right]] = b.left;
            addBigram(word, start, size, prev[b.left], b.left, queue);
            addBigram(word, start, size, b.left, next[b.left], queue);
        }

        for (int i = 0; i != -1; i = next[i]) {
            int id = ids.id(word, start[i], start[i] + size[i]);
            if (id >= 0) {
                out.add(id);
            } else {
                String symbol = word.substring(start[i], start[i] + size[i]);
                for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
                    int byteId = byteToken(b & 0xFF);
                    if (byteId >= 0) out.add(byteId);
                }
            }
        }
    }

    /**
     * The token llama.cpp takes for one byte of a symbol that is no token, or -1: the byte itself as a
     * one-byte text (only an ASCII byte can be a whole token's UTF-8), or {@code <0xXX>} when words are not
     * byte-encoded.
     */
    private int byteToken(int b) {
        if (!byteEncode) return ids.id(String.format("<0x%02X>", b));
        return b < 0x80 ? ids.id(String.valueOf((char) b)) : -1;
    }

    private void addBigram(String word, int[] start, int[] size, int left, int right, PriorityQueue<Bigram> queue) {
        if (left < 0 || right < 0) return;
        String l = word.substring(start[left], start[left] + size[left]);
        String r = word.substring(start[right], start[right] + size[right]);
        int rank = merges.rank(l, r);
        if (rank >= 0) queue.add(new Bigram(left, right, l + r, rank));
    }
}
