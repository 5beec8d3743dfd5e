package dev.glassbox.rasp;

import java.util.List;
import java.util.Objects;

/** Applies a two-argument function position-wise: {@code SequenceMap(f, x, y)[i] = f(x[i], y[i])}. */
public sealed class SequenceMap extends SOp permits LinearSequenceMap {
    private final ValueFunction2 f;
    private final SOp fst;
    private final SOp snd;

    public SequenceMap(ValueFunction2 f, SOp fst, SOp snd) {
        this.f = Objects.requireNonNull(f, "f");
        this.fst = Objects.requireNonNull(fst, "fst");
        this.snd = Objects.requireNonNull(snd, "snd");
    }

    public ValueFunction2 f() {
        return f;
    }

    public SOp fst() {
        return fst;
    }

    public SOp snd() {
        return snd;
    }

    @Override
    public List<RaspExpr> children() {
        return List.of(fst, snd);
    }

    @Override
    public String defaultName() {
        return "sequence_map";
    }
}
