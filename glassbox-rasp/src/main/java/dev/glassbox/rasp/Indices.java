package dev.glassbox.rasp;

import java.util.List;

/** The primitive S-Op returning each position's index, 0-based. One shared instance: {@link Rasp#indices()}. */
public final class Indices extends SOp {
    static final Indices INSTANCE = new Indices();

    private Indices() {}

    @Override
    public List<RaspExpr> children() {
        return List.of();
    }

    @Override
    public String defaultName() {
        return "indices";
    }

    @Override
    public SOp named(String name) {
        throw new UnsupportedOperationException("indices is a primitive and keeps its name; name a Map of it instead");
    }

    @Override
    public SOp encoded(Encoding encoding) {
        if (encoding != Encoding.CATEGORICAL) {
            throw new UnsupportedOperationException("indices are always categorical; use indices.map(x -> x).numerical()");
        }
        return this;
    }
}
