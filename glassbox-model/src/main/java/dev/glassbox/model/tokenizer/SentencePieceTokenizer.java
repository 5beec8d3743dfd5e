package dev.glassbox.model.tokenizer;

import dev.glassbox.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * SentencePiece-style BPE by merge scores, as llama2.c runs it:
 * <ol>
 *   <li>with {@code addDummyPrefix}, a space is put before non-empty text (SentencePiece's "▁" prefix);
 *   <li>each UTF-8 character becomes its piece, or, when the vocabulary lacks it, one byte token
 *       {@code <0xXX>} per byte (byte fallback);
 *   <li>{@link ScoreMerges} then merges adjacent pieces, best-scoring merge first, while any pair's
 *       concatenation is a piece.
 * </ol>
 * Decoding is the reverse: a piece adds its bytes, a byte token its byte, a control token nothing; with
 * {@code addDummyPrefix}, the leading space of the first piece of a text (at the start or after BOS) is
 * dropped again.
 */
public final class SentencePieceTokenizer implements Tokenizer {
    private final byte[][] pieces;
    private final float[] scores;
    private final PieceType[] types;
    private final int bos, eos, unknown;
    private final boolean addDummyPrefix;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] byteIds = new int[256];
    private final ScoreMerges merges;

    /**
     * @param pieces each id's bytes; byte tokens are spelled {@code <0xXX>}
     * @param scores each id's merge score (higher merges first)
     * @param types each id's kind
     * @param bos the BOS id, or -1
     * @param eos the EOS id, or -1
     */
    public SentencePieceTokenizer(List<byte[]> pieces, float[] scores, PieceType[] types, int bos, int eos,
            boolean addDummyPrefix) {
        int n = pieces.size();
        if (scores.length != n || types.length != n) {
            throw new IllegalArgumentException(n + " pieces, " + scores.length + " scores, " + types.length + " types");
        }
        if (bos >= n || eos >= n) throw new IllegalArgumentException("bos " + bos + " or eos " + eos + " not below " + n);
        this.pieces = pieces.stream().map(byte[]::clone).toArray(byte[][]::new);
        this.scores = scores.clone();
        this.types = types.clone();
        this.bos = bos;
        this.eos = eos;
        this.addDummyPrefix = addDummyPrefix;
        Arrays.fill(byteIds, -1);
        int unk = -1;
        for (int id = 0; id < n; id++) {
            switch (types[id]) {
                case NORMAL -> ids.putIfAbsent(key(this.pieces[id]), id);
                case BYTE -> {
                    int b = byteValue(this.pieces[id]);
                    if (b < 0) throw new IllegalArgumentException("byte token " + id + " is not spelled <0xXX>: " + piece(id));
                    if (byteIds[b] < 0) byteIds[b] = id;
                }
                case UNKNOWN -> unk = unk < 0 ? id : unk;
                case CONTROL -> { }
            }
        }
        this.unknown = unk;
        this.merges = new ScoreMerges(this::mergedId, this.scores);
    }

    /** The byte a piece spelled {@code <0xXX>} stands for, or -1 if it is not spelled so. */
    public static int byteValue(byte[] piece) {
        if (piece.length != 6 || piece[0] != '<' || piece[1] != '0' || piece[2] != 'x' || piece[5] != '>') return -1;
        int hi = Character.digit(piece[3], 16), lo = Character.digit(piece[4], 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    @Override
    public int vocabSize() {
        return pieces.length;
    }

    @Override
    public OptionalInt bos() {
        return bos < 0 ? OptionalInt.empty() : OptionalInt.of(bos);
    }

    @Override
    public OptionalInt eos() {
        return eos < 0 ? OptionalInt.empty() : OptionalInt.of(eos);
    }

    public float score(int id) {
        return scores[id];
    }

    public PieceType type(int id) {
        return types[id];
    }

    @Override
    public String piece(int id) {
        return new String(pieces[id], StandardCharsets.UTF_8);
    }

    @Override
    public int[] encode(String text) {
        if (text.isEmpty()) return new int[0];
        byte[] utf8 = (addDummyPrefix ? " " + text : text).getBytes(StandardCharsets.UTF_8);
        List<Integer> initial = new ArrayList<>();
        for (int start = 0; start < utf8.length; ) {
            int end = characterEnd(utf8, start);
            Integer id = ids.get(new String(utf8, start, end - start, StandardCharsets.ISO_8859_1));
            if (id != null) {
                initial.add(id);
            } else {
                for (int i = start; i < end; i++) initial.add(byteToken(utf8[i] & 0xFF));
            }
            start = end;
        }
        return merges.apply(initial.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public byte[] decode(int previous, int id) {
        if (id < 0 || id >= pieces.length) {
            throw new InvalidInputException("token id " + id + " is outside the vocabulary [0, " + pieces.length + ")");
        }
        return switch (types[id]) {
            case CONTROL -> new byte[0];
            case BYTE -> new byte[] {(byte) byteValue(pieces[id])};
            case UNKNOWN -> pieces[id].clone();
            case NORMAL -> {
                byte[] piece = pieces[id];
                boolean startOfText = previous < 0 || previous == bos;
                yield addDummyPrefix && startOfText && piece.length > 0 && piece[0] == ' '
                        ? Arrays.copyOfRange(piece, 1, piece.length)
                        : piece.clone();
            }
        };
    }

    /** The id whose piece is the concatenation of {@code left} and {@code right}'s, or -1. */
    private int mergedId(int left, int right) {
        if (!types[left].mergeable() || !types[right].mergeable()) return -1;
        byte[] a = pieces[left], b = pieces[right];
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Integer id = ids.get(key(both));
        return id == null ? -1 : id;
    }

    private int byteToken(int b) {
        if (byteIds[b] >= 0) return byteIds[b];
        if (unknown >= 0) return unknown;
        throw new InvalidInputException(String.format("cannot encode the byte 0x%02X: the vocabulary has neither"
                + " a piece for its character, nor a <0x%02X> byte token, nor an unknown token", b, b));
    }

    /** End of the UTF-8 character starting at {@code start}: a lead byte and up to 3 continuation bytes. */
    private static int characterEnd(byte[] utf8, int start) {
        int end = start + 1;
        while (end < utf8.length && end - start < 4 && (utf8[end] & 0xC0) == 0x80) end++;
        return end;
    }

    /** Pieces are looked up by their exact bytes: ISO-8859-1 maps each byte to one char and back. */
    private static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
