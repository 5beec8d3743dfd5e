package dev.glassbox.interp.model;

import dev.glassbox.model.file.ModelFile;
import dev.glassbox.model.generate.LanguageModelFiles;
import dev.glassbox.model.generate.ModelFormat;
import java.nio.file.Path;

/**
 * Opens any model file for study. Safetensors files are compiled Glassbox models; llama2.c checkpoints
 * (and GGUF, once {@link LanguageModelFiles} reads it) are language models with a tokenizer. New formats
 * plug in where {@link LanguageModelFiles} maps a {@link ModelFormat} to its loader; nothing here changes.
 */
public final class InterpModels {
    private InterpModels() {}

    /**
     * @param tokenizer a tokenizer file for formats that do not carry one (llama2.c), else null
     * @throws dev.glassbox.core.GlassboxException when the file cannot be read, naming what is wrong
     */
    public static InterpModel load(Path model, Path tokenizer) {
        String name = model.getFileName().toString();
        if (ModelFormat.detect(model) == ModelFormat.SAFETENSORS) {
            return new CompiledInterpModel(name, ModelFile.loadCompiled(model));
        }
        return new LanguageInterpModel(name, LanguageModelFiles.load(model, tokenizer));
    }
}
