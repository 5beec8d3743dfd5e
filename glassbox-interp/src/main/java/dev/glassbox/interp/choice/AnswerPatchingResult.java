package dev.glassbox.interp.choice;

import java.util.List;

/**
 * Answer patching over a set of questions: clean = the question as labelled, corrupt = the labels of the right
 * option and the next one exchanged; metric logit[right label] - logit[other label] at the answer position.
 *
 * @param questions how many questions were patched
 * @param meanClean the metric's mean over the clean prompts
 * @param meanCorrupt the metric's mean over the corrupt prompts
 * @param skipped questions left out, with why
 */
public record AnswerPatchingResult(List<RoleEffect> effects, int questions, double meanClean, double meanCorrupt,
        List<String> skipped, int forwardPasses) {
    public AnswerPatchingResult {
        effects = List.copyOf(effects);
        skipped = List.copyOf(skipped);
    }

    /**
     * Whether the model answers both prompts right on average: the clean metric positive (the right label above
     * the swapped-in one) and the corrupt one negative (the right option's new label above its old one).
     * Otherwise the normalised effects say little, and divide by about nothing when the two nearly agree.
     */
    public boolean separates() {
        return meanClean > 0 && meanCorrupt < 0;
    }

    public double effect(String component, String role) {
        return effects.stream().filter(e -> e.component().equals(component) && e.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + component + " @ " + role)).effect();
    }
}
