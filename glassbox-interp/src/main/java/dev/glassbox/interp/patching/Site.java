package dev.glassbox.interp.patching;

/**
 * Where a patch writes: one hook point, and the band [offset, offset + length) of each position's row
 * (position is axis 0 of every activation patched here). A head is a band of {@code hook_z}, a neuron one
 * element of {@code mlp.hook_post}, a sublayer the whole row of its output.
 */
public record Site(String hook, int offset, int length) {
    public Site {
        if (offset < 0 || length <= 0) throw new IllegalArgumentException("bad band " + offset + "+" + length);
    }
}
