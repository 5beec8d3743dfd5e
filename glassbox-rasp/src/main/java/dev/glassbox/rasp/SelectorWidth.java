package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/** How many keys each query selects: {@code SelectorWidth(s)[q] = |{k : s[q][k]}|}. */
public final class SelectorWidth extends SOp {
    private final Selector selector;

    public SelectorWidth(Selector selector) {
        this.selector = Objects.requireNonNull(selector, "selector");
    }

    public Selector selector() {
        return selector;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(selector);
    }

    @Override
    public String defaultName() {
        return "selector_width";
    }
}
