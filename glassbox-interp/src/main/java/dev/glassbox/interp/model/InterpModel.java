package dev.glassbox.interp.model;

import dev.glassbox.interp.names.ComponentNames;
import dev.glassbox.model.Transformer;
import java.util.List;
import java.util.Optional;

/**
 * The model under study, as the interpretability methods need it: the one forward pass, a way to turn
 * text into tokens, and names for the outputs. Compiled models ({@link CompiledInterpModel}) and language
 * models ({@link LanguageInterpModel}) both fit; {@link InterpModels#load} picks by file format.
 */
public interface InterpModel {

    /** A short name for reports (the file name). */
    String name();

    Transformer transformer();

    /**
     * The prompt a user typed: for a compiled model its tokens separated by spaces; for a language model
     * text, tokenized, with BOS prepended.
     */
    Prompt prompt(String text);

    /** The label of output logit {@code index}: a token's text, or a compiled model's output value. */
    String outputLabel(int index);

    /**
     * The output logit a label names (the inverse of {@link #outputLabel}).
     *
     * @throws dev.glassbox.interp.UnknownNameException naming the closest labels
     */
    int outputIndex(String label);

    /** True when the model has one output that is a number (a numerical compiled program). */
    default boolean numericalOutput() {
        return false;
    }

    /** The meaning of each residual dimension, when known (compiled models). */
    default Optional<List<String>> residualLabels() {
        return Optional.empty();
    }

    default ComponentNames components() {
        return new ComponentNames(transformer().config());
    }
}
