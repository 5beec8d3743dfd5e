package dev.glassbox.compiler.craft;

import dev.glassbox.model.compiled.InputEncoding;
import java.util.ArrayList;
import java.util.List;

/** The directions every compiled model shares: the input tokens, the positions and the constant {@code one}. */
public final class Directions {
    private Directions() {}

    public static final String TOKENS = "tokens";
    public static final String INDICES = "indices";

    /** 1 at every position, BOS included: the constant term of every MLP and of the BOS trick. */
    public static final BasisDirection ONE = BasisDirection.of("one");
    /** The beginning-of-sequence token, present only at position 0. */
    public static final BasisDirection BOS = new BasisDirection(TOKENS, InputEncoding.BOS);
    /** The padding token (never read; kept in the compat mode's residual stream as in the original). */
    public static final BasisDirection PAD = new BasisDirection(TOKENS, InputEncoding.PAD);

    public static BasisDirection token(Object value) {
        return new BasisDirection(TOKENS, value);
    }

    public static BasisDirection index(int i) {
        return new BasisDirection(INDICES, i);
    }

    public static List<BasisDirection> indices(int maxSeqLen) {
        List<BasisDirection> out = new ArrayList<>(maxSeqLen);
        for (int i = 0; i < maxSeqLen; i++) out.add(index(i));
        return out;
    }
}
