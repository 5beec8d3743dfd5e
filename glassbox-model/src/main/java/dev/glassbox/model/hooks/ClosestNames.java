package dev.glassbox.model.hooks;

import dev.glassbox.core.Closest;
import dev.glassbox.core.InvalidInputException;
import java.util.List;

/** "Did you mean" for hook names: the valid names nearest by edit distance ({@link Closest}). */
final class ClosestNames {
    private static final int SUGGESTIONS = 3;

    private ClosestNames() {}

    static InvalidInputException unknownName(String name, List<String> valid) {
        return new InvalidInputException("unknown hook name '" + name + "'; closest valid names: "
                + String.join(", ", Closest.to(name, valid, SUGGESTIONS)) + " (Transformer.hookNames() lists all "
                + valid.size() + ")");
    }
}
