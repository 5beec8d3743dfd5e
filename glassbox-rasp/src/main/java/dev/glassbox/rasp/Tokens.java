package dev.glassbox.rasp;

import java.util.List;

/** The primitive S-Op returning the input tokens. One shared, unannotatable instance: {@link Rasp#tokens()}. */
public final class Tokens extends SOp {
    static final Tokens INSTANCE = new Tokens();

    private Tokens() {}

    @Override
    public List<RaspExpr> children() {
        return List.of();
    }

    @Override
    public String defaultName() {
        return "tokens";
    }

    @Override
    public SOp named(String name) {
        throw new UnsupportedOperationException("tokens is a primitive and keeps its name; name a Map of it instead");
    }

    @Override
    public SOp encoded(Encoding encoding) {
        if (encoding != Encoding.CATEGORICAL) {
            throw new UnsupportedOperationException("tokens are always categorical; use tokens.map(x -> x).numerical()");
        }
        return this;
    }
}
