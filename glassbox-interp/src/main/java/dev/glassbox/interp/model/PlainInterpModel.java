package dev.glassbox.interp.model;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.Transformer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transformer without a tokenizer: prompts are token ids separated by spaces, outputs are labelled
 * {@code #i}. For tests and for weights built in code.
 */
public record PlainInterpModel(String name, Transformer transformer) implements InterpModel {

    @Override
    public Prompt prompt(String text) {
        String[] parts = text.strip().split("\\s+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("'" + parts[i] + "' is not a token id; this model has no tokenizer,"
                        + " so give token ids separated by spaces");
            }
        }
        return prompt(ids);
    }

    public Prompt prompt(int[] ids) {
        List<String> labels = new ArrayList<>(ids.length);
        for (int id : ids) labels.add("#" + id);
        return new Prompt("", ids, labels);
    }

    @Override
    public String outputLabel(int index) {
        return "#" + index;
    }

    @Override
    public int outputIndex(String label) {
        List<String> labels = new ArrayList<>(transformer.outputSize());
        for (int i = 0; i < transformer.outputSize(); i++) labels.add("#" + i);
        return OutputLabels.indexOf(label, labels);
    }

    @Override
    public boolean numericalOutput() {
        return transformer.outputSize() == 1;
    }
}
