package dev.glassbox.interp.selfrepair;

import java.util.List;

/**
 * Self-repair on one prompt.
 *
 * @param target the clean run's answer at {@code position} (its argmax), whose centred logit is measured
 * @param cleanLogit the target's centred, pre-soft-cap logit in the clean run
 * @param sources how many ablated runs each part's numbers average (resample sources; 1 otherwise)
 */
public record PromptRepair(String text, List<String> tokens, int position, String target, double cleanLogit,
        int sources, List<ComponentRepair> components) {

    public PromptRepair {
        tokens = List.copyOf(tokens);
        components = List.copyOf(components);
    }

    public ComponentRepair component(String name) {
        return components.stream().filter(c -> c.part().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }
}
