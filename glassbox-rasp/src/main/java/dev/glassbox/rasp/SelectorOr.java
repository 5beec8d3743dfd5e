package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/** Element-wise {@code or} of two selectors (built by {@link Rasp#selectorOr} when it cannot fold them into one Select). */
public final class SelectorOr extends Selector {
    private final Selector fst;
    private final Selector snd;

    public SelectorOr(Selector fst, Selector snd) {
        this.fst = Objects.requireNonNull(fst, "fst");
        this.snd = Objects.requireNonNull(snd, "snd");
    }

    public Selector fst() {
        return fst;
    }

    public Selector snd() {
        return snd;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(fst, snd);
    }

    @Override
    public String defaultName() {
        return "selector_or";
    }
}
