package dev.glassbox.model.generate;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.model.arch.GgufModel;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.io.llama2c.Llama2cCheckpoint;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.llama2c.Llama2cTokenizers;
import dev.glassbox.model.llama2c.Llama2cTransformers;
import dev.glassbox.model.tokenizer.Tokenizer;
import dev.glassbox.model.tokenizer.gguf.GgufTokenizers;
import java.nio.file.Path;

/**
 * Opens a language model file, whatever its format: the one place that maps a {@link ModelFormat} to
 * its loader. A new format plugs in here.
 */
public final class LanguageModelFiles {
    private LanguageModelFiles() {}

    /**
     * @param tokenizer the tokenizer file, or null when the model file carries its own (a llama2.c
     *     checkpoint does not)
     */
    public static LanguageModel load(Path model, Path tokenizer) {
        return switch (ModelFormat.detect(model)) {
            case LLAMA2C -> {
                Path tokenizerFile = requireTokenizer(model, tokenizer);
                Transformer transformer = Llama2cTransformers.load(model);
                yield new LanguageModel(transformer,
                        Llama2cTokenizers.load(tokenizerFile, transformer.config().vocabSize(), model));
            }
            case GGUF -> {
                if (tokenizer != null) {
                    throw new InvalidInputException(model + " is a GGUF file, which carries its own tokenizer; drop --tokenizer");
                }
                // Left open on purpose: the weights are views of the file's mapping, released when the process ends.
                GgufModel gguf = GgufModel.load(model);
                yield new LanguageModel(gguf.transformer(), GgufTokenizers.from(gguf.file().metadata()));
            }
            case SAFETENSORS -> throw notALanguageModel(model);
        };
    }

    /**
     * Only the tokenizer, without reading the weights: a GGUF file's own (a vocabulary-only GGUF is enough),
     * or a llama2.c checkpoint's tokenizer file.
     */
    public static Tokenizer loadTokenizer(Path model, Path tokenizer) {
        return switch (ModelFormat.detect(model)) {
            case LLAMA2C -> Llama2cTokenizers.load(requireTokenizer(model, tokenizer),
                    Llama2cCheckpoint.readHeader(model).vocabSize(), model);
            case GGUF -> {
                if (tokenizer != null) {
                    throw new InvalidInputException(model + " is a GGUF file, which carries its own tokenizer; drop --tokenizer");
                }
                yield GgufTokenizers.load(model);
            }
            case SAFETENSORS -> throw notALanguageModel(model);
        };
    }

    private static Path requireTokenizer(Path model, Path tokenizer) {
        if (tokenizer == null) {
            throw new InvalidInputException(model + " is a llama2.c checkpoint, which has no tokenizer inside; give"
                    + " its tokenizer file with --tokenizer (e.g. tokenizer.bin, or tok512.bin for stories260K)");
        }
        return tokenizer;
    }

    private static GlassboxException notALanguageModel(Path model) {
        return new InvalidInputException(model + " is a safetensors file (a compiled Glassbox model?); language"
                + " models are read from GGUF files and llama2.c checkpoints (.bin with --tokenizer). Use 'glassbox run' for compiled models");
    }
}
