package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.lens.LensOptions;
import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.lens.LogitLens;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import org.junit.jupiter.api.Test;

/**
 * The same methods on a real language model (llama2.c's stories260K: RMSNorm, rotary, SwiGLU, grouped
 * queries), loaded through the same {@link InterpModels} as the CLI, with text prompts tokenized.
 */
class Stories260KTest {
    static final InterpModel MODEL = InterpModels.load(SharedFiles.require("models/stories260K/stories260K.bin"),
            SharedFiles.require("models/stories260K/tok512.bin"));
    final Prompt clean = MODEL.prompt("Lily went to the park. Lily");
    final Prompt corrupt = MODEL.prompt("Tim went to the park. Tim");

    @Test
    void promptsAreTokenizedWithBos() {
        assertEquals("<s>", clean.labels().getFirst().strip());
        assertEquals(clean.length(), corrupt.length(), clean.labels() + " " + corrupt.labels());
    }

    @Test
    void attributionAddsUpAndTheLensEndsAtTheOutput() {
        int p = clean.length() - 1;
        float[][] logits = MODEL.transformer().forward(clean.tokens());
        int answer = Predictions.argmax(logits)[p];
        for (AttributionLevel level : AttributionLevel.values()) {
            Attribution a = DirectLogitAttribution.attribute(MODEL.transformer(), clean.tokens(), p, LogitTarget.logit(answer),
                    MODEL.outputLabel(answer), level, false);
            assertEquals(logits[p][answer], a.logit(), 1e-3);
            assertEquals(a.logit(), a.total(), 1e-3, level.toString());
        }
        for (NormScale scale : NormScale.values()) {
            LensResult lens = LogitLens.run(MODEL.transformer(), clean.tokens(), LensOptions.defaults().withScale(scale));
            assertEquals(logits[p][answer], lens.logit(lens.stages().size() - 1, p, answer), 1e-3);
        }
    }

    /**
     * The prompts (11 tokens each; the model answers " saw" after Lily, " was" after Tim) differ in their
     * tokens at positions 1 and 10 only. Entering block 0, patching a position whose token is the same in
     * both changes nothing; and BOS, before the first difference, carries nothing at any layer (the model
     * is causal, so its residual stream is the same in both runs). "Nothing" is up to 1e-4: the same
     * forward pass run twice differs by about 1e-5 in its logits here, as the JIT moves the vector
     * kernels from their Java fallback (lanes summed in order) to intrinsics (a different order).
     */
    @Test
    void residualPatchingFindsWhereThePromptsDiffer() {
        PatchingResult r = new ActivationPatching().sweep(new PatchingProblem(MODEL, clean, corrupt,
                Predictions.cleanVersusCorrupt(MODEL, null), Direction.DENOISING), PatchGranularity.RESIDUAL_POSITION);
        int[] a = clean.tokens(), b = corrupt.tokens();
        int first = 0;
        while (a[first] == b[first]) first++;
        for (PatchEffect e : r.effects()) {
            if (e.position() < first) assertEquals(0.0, e.effect(), 1e-4, e.toString());
            boolean differs = a[e.position()] != b[e.position()];
            if (e.component().equals("blocks.0.resid_pre") && !differs) assertEquals(0.0, e.effect(), 1e-4, e.toString());
        }
        assertTrue(r.forwardPasses() == r.effects().size() + 2);
    }
}
