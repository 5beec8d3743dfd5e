package dev.glassbox.interp.patching;

import dev.glassbox.interp.PromptLengthException;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;

/**
 * What every patching method is asked: a model, a clean and a corrupt prompt of the same length, a metric
 * (chosen once both runs are known), and the direction.
 *
 * @throws PromptLengthException when the prompts differ in length
 */
public record PatchingProblem(InterpModel model, Prompt clean, Prompt corrupt, MetricChoice metric, Direction direction) {
    public PatchingProblem {
        PromptLengthException.check("clean", clean.tokens(), "corrupt", corrupt.tokens());
    }

    /** The prompt whose run is patched: corrupt when denoising, clean when noising. */
    public Prompt patched() {
        return direction.patchesCleanRun() ? clean : corrupt;
    }

    /** The prompt whose activations are copied in. */
    public Prompt source() {
        return direction.patchesCleanRun() ? corrupt : clean;
    }
}
