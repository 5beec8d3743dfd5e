package dev.glassbox.cli.interp;

import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --model (and --tokenizer for formats without one): the model under study, whatever its format. */
final class ModelOption {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "a compiled model (.safetensors) or a language model (llama2.c .bin with --tokenizer)")
    Path model;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "the tokenizer of a llama2.c checkpoint")
    Path tokenizer;

    InterpModel load() {
        return InterpModels.load(model, tokenizer);
    }
}
