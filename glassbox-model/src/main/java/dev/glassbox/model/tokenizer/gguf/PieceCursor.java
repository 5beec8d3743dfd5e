package dev.glassbox.model.tokenizer.gguf;

/**
 * The state llama.cpp's hand-written splitters keep while walking one piece [start, end) of a text: the
 * code point and {@link CodepointFlags} at a position (nothing past the piece's ends), and where the last
 * emitted word ended.
 */
final class PieceCursor {
    /** What {@link #cp} returns outside the piece. */
    static final int OUT_OF_RANGE = -1;

    private final int[] cps;
    private final int start, end;
    private final IntList out;
    private int previousEnd;

    PieceCursor(int[] cps, int start, int end, IntList out) {
        this.cps = cps;
        this.start = start;
        this.end = end;
        this.out = out;
        this.previousEnd = start;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int cp(int pos) {
        return pos >= start && pos < end ? cps[pos] : OUT_OF_RANGE;
    }

    int flags(int pos) {
        return pos >= start && pos < end ? CodepointFlags.of(cps[pos]) : CodepointFlags.NONE;
    }

    /** Emits the word from the previous end to {@code wordEnd} (nothing when empty); returns its length. */
    int emit(int wordEnd) {
        int length = wordEnd - previousEnd;
        if (length > 0) out.add(length);
        previousEnd = wordEnd;
        return length;
    }
}
