package dev.glassbox.model.compiled;

import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import java.util.List;

/**
 * A transformer compiled from a RASP program, with everything needed to use it without the program:
 * the input vocabulary, how to read the output, and the meaning of every residual dimension
 * ({@code tokens:a}, {@code indices:3}, {@code one}, {@code length:2}, ...).
 *
 * @param programSource the program's text (a .rasp file or the library call), for reports; may be empty
 */
public record CompiledModel(
        TransformerConfig config,
        TransformerWeights weights,
        List<String> residualLabels,
        InputEncoding input,
        OutputDecoding output,
        CompileReport report,
        String programSource) {

    public CompiledModel {
        residualLabels = List.copyOf(residualLabels);
        if (residualLabels.size() != config.dModel()) {
            throw new IllegalArgumentException("residual labels (" + residualLabels.size() + ") must match dModel ("
                    + config.dModel() + ")");
        }
        if (output.size() != weights.unembed().rows()) {
            throw new IllegalArgumentException("output decoding has " + output.size() + " values but the unembedding has "
                    + weights.unembed().rows() + " rows");
        }
        if (input.tokens().size() != config.vocabSize()) {
            throw new IllegalArgumentException("input encoding has " + input.tokens().size() + " tokens but the model's "
                    + "vocabulary has " + config.vocabSize());
        }
    }

    /** The same model, remembering the program it was compiled from (a .rasp text or {@code lib:NAME}). */
    public CompiledModel withProgramSource(String source) {
        return new CompiledModel(config, weights, residualLabels, input, output, report, source);
    }

    public int residualDim() {
        return config.dModel();
    }
}
