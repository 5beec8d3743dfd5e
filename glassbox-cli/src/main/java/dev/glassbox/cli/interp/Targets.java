package dev.glassbox.cli.interp;

import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;

/** Positions and output targets as the commands read them: a position defaults to the last one. */
final class Targets {
    private Targets() {}

    static int position(Integer position, Prompt prompt) {
        if (position == null) return prompt.length() - 1;
        return PositionOutOfRangeException.check("--position", position, prompt.length());
    }

    /** The output a label names, or null when no label was given. */
    static Integer output(InterpModel model, String label) {
        return label == null ? null : model.outputIndex(label);
    }
}
