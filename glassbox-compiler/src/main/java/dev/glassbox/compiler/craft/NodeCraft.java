package dev.glassbox.compiler.craft;

/** How one S-Op is computed: what the craft stage decided for it. */
public sealed interface NodeCraft {

    /** tokens or indices: the embedding writes it. */
    record Embedded() implements NodeCraft {}

    /**
     * No block and no directions of its own: readers read it as a linear combination of other directions
     * (see {@link LinearViews}).
     *
     * @param definition own direction → input direction → coefficient
     */
    record View(Linear definition) implements NodeCraft {}

    /** An Aggregate: one attention head. */
    record Attention(AttentionHead head) implements NodeCraft {}

    /** A Map or SequenceMap computed by an MLP. */
    record Mlp(MlpBlock mlp) implements NodeCraft {}

    /** A SelectorWidth: a head, then an MLP in the next sublayer. */
    record AttentionThenMlp(AttentionHead head, MlpBlock mlp) implements NodeCraft {}
}
