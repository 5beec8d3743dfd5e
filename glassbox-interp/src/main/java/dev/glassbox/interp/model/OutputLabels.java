package dev.glassbox.interp.model;

import dev.glassbox.core.Closest;
import dev.glassbox.interp.UnknownNameException;
import java.util.List;

/** Looks up an output label among a model's labels, accepting {@code #i} for index i. */
final class OutputLabels {
    private OutputLabels() {}

    static int indexOf(String label, List<String> labels) {
        int found = labels.indexOf(label);
        if (found >= 0) return found;
        if (label.startsWith("#")) {
            try {
                int i = Integer.parseInt(label.substring(1));
                if (i >= 0 && i < labels.size()) return i;
            } catch (NumberFormatException ignored) {
                // not an index; fall through to the suggestion
            }
        }
        throw new UnknownNameException("output", label, Closest.to(label, labels, 3),
                "the model has " + labels.size() + " outputs; #i names output i");
    }
}
