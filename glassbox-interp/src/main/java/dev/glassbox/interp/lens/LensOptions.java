package dev.glassbox.interp.lens;

/**
 * How the logit lens reads each stage.
 *
 * @param scale the final norm's scale, frozen from the clean run or recomputed per stage
 * @param centred subtract each row's mean logit (applied last, after any soft-cap: soft-capping does not
 *     commute with adding a constant, which is why TransformerLens refuses to centre a soft-capped
 *     unembedding; probabilities are unchanged either way)
 * @param softcap apply the model's final logit soft-cap c*tanh(l/c) (Gemma 2) to the lens logits too, so
 *     the last stage equals the model's output; ignored when the model has none
 * @param includeMid also read the stream between each block's attention and MLP
 */
public record LensOptions(NormScale scale, boolean centred, boolean softcap, boolean includeMid) {
    /** Recomputed scale, not centred, soft-capped like the model, with the mid-block stages. */
    public static LensOptions defaults() {
        return new LensOptions(NormScale.RECOMPUTED, false, true, true);
    }

    public LensOptions withScale(NormScale s) {
        return new LensOptions(s, centred, softcap, includeMid);
    }

    public LensOptions withCentred(boolean c) {
        return new LensOptions(scale, c, softcap, includeMid);
    }

    public LensOptions withSoftcap(boolean s) {
        return new LensOptions(scale, centred, s, includeMid);
    }

    public LensOptions withIncludeMid(boolean m) {
        return new LensOptions(scale, centred, softcap, m);
    }
}
