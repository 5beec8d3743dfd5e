package dev.glassbox.interp.model;

import java.util.List;

/**
 * One prompt as the model sees it: its token ids (BOS first when the model uses one) and a label per
 * position for reports. Positions in every method count these tokens, BOS included, as
 * TransformerLens does.
 */
public record Prompt(String text, int[] tokens, List<String> labels) {
    public Prompt {
        tokens = tokens.clone();
        labels = List.copyOf(labels);
        if (labels.size() != tokens.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + tokens.length + " tokens");
        }
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }
}
