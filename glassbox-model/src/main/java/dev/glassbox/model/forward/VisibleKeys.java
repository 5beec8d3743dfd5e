package dev.glassbox.model.forward;

import dev.glassbox.model.TransformerConfig;

/**
 * Which keys a query sees in one layer: a contiguous range of positions. Causal attention stops at the
 * query's own position; a sliding window of w drops keys w or more positions older than the query.
 */
record VisibleKeys(boolean causal, int window) {

    static VisibleKeys of(TransformerConfig config, int layer) {
        return new VisibleKeys(config.causal(), config.isSliding(layer) ? config.slidingWindow() : 0);
    }

    /** The oldest visible key of the query at absolute position {@code query}. */
    int first(int query) {
        return window > 0 ? Math.max(0, query - window + 1) : 0;
    }

    /** The newest visible key, given {@code keyCount} keys in total. */
    int last(int query, int keyCount) {
        return causal ? Math.min(query, keyCount - 1) : keyCount - 1;
    }
}
