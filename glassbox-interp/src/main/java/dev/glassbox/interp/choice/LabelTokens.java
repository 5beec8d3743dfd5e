package dev.glassbox.interp.choice;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.model.InterpModel;
import java.util.List;

/**
 * The output each label is scored by, and what separates it from the cue. If every label preceded by a space
 * (" A") is one token, those are the outputs and the prompt ends at the cue; otherwise, if every bare label
 * ("A") is one token, the prompt ends with the cue and a space and the bare labels are the outputs (so
 * stories260K, whose vocabulary has " B" but not " A", reads "Answer: " and scores A, B, C, D alike).
 *
 * @param separator appended to the prompt text after the cue ("" or " ")
 * @param ids the output index of each label
 */
public record LabelTokens(String separator, int[] ids) {

    public static LabelTokens resolve(InterpModel model, List<String> labels) {
        int[] spaced = lookUp(model, labels, " ");
        if (spaced != null) return new LabelTokens("", spaced);
        int[] bare = lookUp(model, labels, "");
        if (bare != null) return new LabelTokens(" ", bare);
        for (String l : labels) {
            try {
                model.outputIndex(l);
            } catch (GlassboxException e) {
                throw new InvalidInputException("label '" + l + "' is not one token of this model (neither '" + l + "' nor ' "
                        + l + "'), so it cannot be scored by one logit: " + e.getMessage());
            }
        }
        throw new InvalidInputException("the labels " + labels + " are not all one token, with or without a space before them");
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    private static int[] lookUp(InterpModel model, List<String> labels, String prefix) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = model.outputIndex(prefix + labels.get(i));
            } catch (GlassboxException e) {
                return null;
            }
        }
        return out;
    }
}
