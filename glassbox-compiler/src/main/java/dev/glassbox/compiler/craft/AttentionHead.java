package dev.glassbox.compiler.craft;

import java.util.List;

/**
 * One attention head, defined on named directions: the score of a query position with vector q and a key
 * position with vector k is {@code q·W_QK·k}, and the head writes {@code W_OV·v} of the positions it
 * attends to. As in the original, W_QK's matrix has one row per query direction and one column per key
 * direction, W_OV one row per value direction and one column per output direction.
 *
 * @param label the expression it computes, for reports
 * @param querySpace the directions W_QK reads at the query position
 * @param keySpace the directions W_QK reads at the key position
 * @param qk query direction → key direction → score
 * @param valueSpace the directions W_OV reads
 * @param outputSpace the directions it writes
 * @param ov value direction → output direction → weight
 */
public record AttentionHead(String label, List<BasisDirection> querySpace, List<BasisDirection> keySpace, Linear qk,
        List<BasisDirection> valueSpace, List<BasisDirection> outputSpace, Linear ov) {

    public AttentionHead {
        querySpace = List.copyOf(querySpace);
        keySpace = List.copyOf(keySpace);
        valueSpace = List.copyOf(valueSpace);
        outputSpace = List.copyOf(outputSpace);
    }

    /** The original's shape of W_QK: [query dims, key dims]. */
    public int[] qkShape() {
        return new int[] {querySpace.size(), keySpace.size()};
    }

    /** The original's shape of W_OV: [value dims, output dims]. */
    public int[] ovShape() {
        return new int[] {valueSpace.size(), outputSpace.size()};
    }
}
