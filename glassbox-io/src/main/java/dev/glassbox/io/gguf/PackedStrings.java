package dev.glassbox.io.gguf;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The elements of a GGUF string array as read from a file: all their UTF-8 bytes in one {@code byte[]} and
 * where each starts, decoded to a {@code String} only when asked for. A 256,000-token vocabulary then costs
 * two arrays instead of 256,000 Strings with a byte[] each, which matters because every process that opens
 * the file holds it, whether or not anything reads it. Immutable.
 *
 * <p>A reader that keeps such strings in the same form (a tokenizer's vocabulary) can take {@link #utf8()} and
 * {@link #offsets()} themselves, found from {@link GgufValue#asStrings()}'s list by {@link #of(List)}, instead of
 * holding a second copy.
 */
public final class PackedStrings {
    private final byte[] utf8;
    private final int[] offsets; // size() + 1 of them: element i is utf8[offsets[i], offsets[i + 1])

    /** Takes both arrays as they are (the reader fills them and lets go): offsets start at 0 and never decrease. */
    PackedStrings(byte[] utf8, int[] offsets) {
        this.utf8 = utf8;
        this.offsets = offsets;
    }

    /** The packed strings behind {@code strings} when it is a string array read from a file, else empty. */
    public static Optional<PackedStrings> of(List<String> strings) {
        return strings instanceof View view ? Optional.of(view.owner()) : Optional.empty();
    }

    public int size() {
        return offsets.length - 1;
    }

    /** Element i, decoded as {@code new String(bytes, UTF_8)} decodes (malformed bytes become U+FFFD). */
    public String get(int i) {
        Objects.checkIndex(i, size());
        return new String(utf8, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    /**
     * Every element's bytes, as read (possibly not well-formed UTF-8), back to back: the array itself, not a
     * copy. It must not be modified.
     */
    public byte[] utf8() {
        return utf8;
    }

    /**
     * Where each element starts in {@link #utf8()}, {@code size() + 1} of them: element i is
     * {@code utf8()[offsets()[i], offsets()[i + 1])}. The array itself, not a copy; it must not be modified.
     */
    public int[] offsets() {
        return offsets;
    }

    /** Every element, decoded into a new array. */
    String[] toArray() {
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) out[i] = get(i);
        return out;
    }

    /** An unmodifiable view that decodes an element on each {@code get}. */
    List<String> asList() {
        return new View();
    }

    private final class View extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            return PackedStrings.this.get(index);
        }

        @Override
        public int size() {
            return PackedStrings.this.size();
        }

        PackedStrings owner() {
            return PackedStrings.this;
        }
    }
}
