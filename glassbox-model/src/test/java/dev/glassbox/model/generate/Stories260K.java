package dev.glassbox.model.generate;

import dev.glassbox.core.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The stories260K model in shared/, loaded once for all tests, and the text its README publishes. */
final class Stories260K {
    static final Path MODEL = SharedFiles.require("models/stories260K/stories260K.bin");
    static final Path TOKENIZER = SharedFiles.require("models/stories260K/tok512.bin");
    static final LanguageModel MODEL_AND_TOKENIZER = LanguageModelFiles.load(MODEL, TOKENIZER);

    private Stories260K() {}

    /** The fenced block of the README: greedy decoding from BOS for 256 steps, as llama2.c prints it. */
    static String publishedGreedyText() {
        try {
            String readme = Files.readString(SharedFiles.require("models/stories260K/README.md"));
            int open = readme.indexOf("```\n") + 4;
            int close = readme.indexOf("\n```", open);
            return readme.substring(open, close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
