package dev.glassbox.interp.patching;

import dev.glassbox.interp.names.Component;

/** One cell of a patching sweep: a component, at one position or (null) at every position. */
public record PatchTarget(Component component, Integer position) {
    public static PatchTarget everywhere(Component component) {
        return new PatchTarget(component, null);
    }
}
