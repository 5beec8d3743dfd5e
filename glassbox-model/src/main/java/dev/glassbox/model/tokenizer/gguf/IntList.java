package dev.glassbox.model.tokenizer.gguf;

import java.util.Arrays;

/** A growable list of ints (token ids, span lengths) without boxing. */
final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** Drops every value from {@code newSize} on. */
    void truncate(int newSize) {
        size = Math.min(size, newSize);
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
