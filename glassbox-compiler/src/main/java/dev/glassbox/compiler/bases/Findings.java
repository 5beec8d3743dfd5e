package dev.glassbox.compiler.bases;

import java.util.List;

/** What running the program on inputs showed, beyond value sets: evidence for the validator. */
public final class Findings {
    private Findings() {}

    /**
     * A categorical Aggregate whose query selected several keys holding different values: a mean, which a
     * categorical encoding cannot represent.
     */
    public record MixedSelection(List<Object> input, int query, List<Object> selected) {}

    /** A selector that selected a key after its query: what a causal model cannot see. */
    public record LaterKey(List<Object> input, int query, int key) {}
}
