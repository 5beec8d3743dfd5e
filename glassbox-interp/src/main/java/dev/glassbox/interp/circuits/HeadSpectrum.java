package dev.glassbox.interp.circuits;

/**
 * The singular values of one head's W_QK and W_OV (descending, min(d_model, d_head) each) and their
 * numerical ranks ({@link NumericalRank}).
 */
public record HeadSpectrum(int layer, int head, double[] qk, int qkRank, double[] ov, int ovRank) {

    public String name() {
        return "blocks." + layer + ".attn.head." + head;
    }
}
