package dev.glassbox.interp.selfrepair;

/**
 * A component whose direct effect is read: the embeddings, one head, an attention sublayer or an MLP.
 *
 * @param head the head's index for {@link Kind#HEAD}, else -1
 */
public record Part(String name, Kind kind, int layer, int head) {

    public enum Kind { EMBED, HEAD, ATTN, MLP }

    static Part embed() {
        return new Part("embed", Kind.EMBED, -1, -1);
    }

    static Part head(int layer, int head) {
        return new Part("blocks." + layer + ".attn.head." + head, Kind.HEAD, layer, head);
    }

    static Part attn(int layer) {
        return new Part("blocks." + layer + ".attn", Kind.ATTN, layer, -1);
    }

    static Part mlp(int layer) {
        return new Part("blocks." + layer + ".mlp", Kind.MLP, layer, -1);
    }

    /**
     * Whether this sublayer (attention or MLP) runs after {@code ablated} and reads its output, so that a
     * change of its direct effect is compensation: after a head or attention sublayer of layer L come the
     * MLP of L and both sublayers of every later layer; after the MLP of L, every later layer. Heads are
     * not counted here (their attention sublayer is), so that no change is counted twice.
     */
    public boolean compensates(Part ablated) {
        return switch (kind) {
            case ATTN -> layer > ablated.layer;
            case MLP -> ablated.kind == Kind.MLP ? layer > ablated.layer : layer >= ablated.layer;
            case EMBED, HEAD -> false;
        };
    }
}
