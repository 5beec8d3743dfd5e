package dev.glassbox.model.hooks;

import java.util.function.Consumer;

/**
 * Code that runs when the forward pass reaches a hook point. It may read the activation, change it in
 * place, or return a replacement of the same shape; what it returns is what the run continues with.
 */
@FunctionalInterface
public interface Hook {

    /**
     * @param activation the live value at the hook point (see {@link Activation})
     * @param hookName the hook point's name, e.g. {@code blocks.0.attn.hook_pattern}
     * @return the value to continue with: {@code activation} itself, a replacement of the same shape, or
     *     {@code null} for "unchanged"
     */
    Activation apply(Activation activation, String hookName);

    /** A hook that only looks. */
    static Hook observe(Consumer<Activation> reader) {
        return (activation, name) -> {
            reader.accept(activation);
            return activation;
        };
    }
}
