package dev.glassbox.interp;

import dev.glassbox.core.InvalidInputException;
import java.util.List;

/** A hook, component or output name that does not exist; the message names the closest ones that do. */
public class UnknownNameException extends InvalidInputException {
    private final List<String> closest;

    public UnknownNameException(String kind, String name, List<String> closest, String hint) {
        super("unknown " + kind + " '" + name + "'; closest: " + String.join(", ", closest)
                + (hint.isEmpty() ? "" : " (" + hint + ")"));
        this.closest = List.copyOf(closest);
    }

    /** The suggested names, nearest first. */
    public List<String> closest() {
        return closest;
    }
}
