package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/** Element-wise {@code and} of two selectors (built by {@link Rasp#selectorAnd} when it cannot fold them into one Select). */
public final class SelectorAnd extends Selector {
    private final Selector fst;
    private final Selector snd;

    public SelectorAnd(Selector fst, Selector snd) {
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
        return "selector_and";
    }
}
