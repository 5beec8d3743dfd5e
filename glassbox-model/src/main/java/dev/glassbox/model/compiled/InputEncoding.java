package dev.glassbox.model.compiled;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a compiled model reads its input: token id i is {@code tokens.get(i)}, a RASP value (String,
 * Integer, Double or Boolean), or one of the two special tokens {@link #BOS} and {@link #PAD}. The
 * model always sees {@code [BOS] + input}; {@code maxSeqLen} counts the input without BOS.
 */
public record InputEncoding(List<Object> tokens, int bosId, int padId, int maxSeqLen) {
    public static final String BOS = "BOS";
    public static final String PAD = "compiler_pad";

    public InputEncoding {
        tokens = java.util.Collections.unmodifiableList(new ArrayList<>(tokens));
        if (bosId < 0 || bosId >= tokens.size()) throw new IllegalArgumentException("bosId out of range");
        if (padId < 0 || padId >= tokens.size()) throw new IllegalArgumentException("padId out of range");
        if (maxSeqLen <= 0) throw new IllegalArgumentException("maxSeqLen must be positive");
    }

    /** The input vocabulary, without BOS and PAD, in id order. */
    public List<Object> vocab() {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) if (i != bosId && i != padId) out.add(tokens.get(i));
        return out;
    }

    /**
     * {@code [BOS] + input} as token ids. An unknown token or an input longer than maxSeqLen is a user
     * error that lists the vocabulary or gives the limit.
     */
    public int[] encode(List<?> input) {
        if (input.size() > maxSeqLen) {
            throw new InvalidInputException("input has " + input.size() + " tokens but this model was compiled for at most "
                    + maxSeqLen + " (recompile with a larger --max-seq-len)");
        }
        int[] ids = new int[input.size() + 1];
        ids[0] = bosId;
        for (int p = 0; p < input.size(); p++) ids[p + 1] = idOf(input.get(p), p);
        return ids;
    }

    private int idOf(Object token, int position) {
        for (int i = 0; i < tokens.size(); i++) {
            if (i != bosId && i != padId && sameToken(tokens.get(i), token)) return i;
        }
        throw new InvalidInputException("token '" + token + "' at position " + position
                + " is not in the model's vocabulary " + vocab());
    }

    /** Tokens typed on a command line arrive as text: "1" matches the integer token 1, "True" the boolean. */
    private static boolean sameToken(Object vocabToken, Object token) {
        if (Objects.equals(vocabToken, token)) return true;
        return token instanceof String s && !(vocabToken instanceof String) && text(vocabToken).equals(s);
    }

    /** A token as a user types it (Python's spelling of booleans, as in RASP programs). */
    public static String text(Object token) {
        if (token instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(token);
    }
}
