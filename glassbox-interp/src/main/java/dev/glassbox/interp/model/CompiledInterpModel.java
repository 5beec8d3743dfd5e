package dev.glassbox.interp.model;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.InputEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A model compiled from a RASP program. Prompts are its input tokens separated by spaces; the model
 * sees BOS first, so input token i is at position i + 1. Outputs are the output S-Op's values.
 */
public final class CompiledInterpModel implements InterpModel {
    private final String name;
    private final CompiledModel model;
    private final Transformer transformer;
    private final List<String> outputLabels;

    public CompiledInterpModel(String name, CompiledModel model) {
        this.name = name;
        this.model = model;
        this.transformer = new Transformer(model.config(), model.weights());
        List<String> labels = new ArrayList<>();
        for (Object v : model.output().values()) labels.add(model.output().numerical() ? "value" : label(v));
        this.outputLabels = List.copyOf(labels);
    }

    public CompiledModel compiled() {
        return model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Transformer transformer() {
        return transformer;
    }

    @Override
    public Prompt prompt(String text) {
        String stripped = text.strip();
        List<String> input = stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
        return prompt(text, input);
    }

    /** The prompt for a RASP input given as values. */
    public Prompt prompt(String text, List<?> input) {
        int[] ids = model.input().encode(input);
        List<String> labels = new ArrayList<>(ids.length);
        for (int id : ids) labels.add(label(model.input().tokens().get(id)));
        return new Prompt(text, ids, labels);
    }

    @Override
    public String outputLabel(int index) {
        return outputLabels.get(index);
    }

    @Override
    public int outputIndex(String label) {
        return OutputLabels.indexOf(label, outputLabels);
    }

    @Override
    public boolean numericalOutput() {
        return model.output().numerical();
    }

    @Override
    public Optional<List<String>> residualLabels() {
        return Optional.of(model.residualLabels());
    }

    /** A value as a user types it; RASP's None for the explicit "no value" output. */
    static String label(Object value) {
        return value == null ? "None" : InputEncoding.text(value);
    }
}
