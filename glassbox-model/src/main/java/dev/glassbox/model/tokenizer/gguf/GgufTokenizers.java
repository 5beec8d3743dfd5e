package dev.glassbox.model.tokenizer.gguf;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufMetadata;
import java.nio.file.Path;

/** Opens the tokenizer of a GGUF file (a whole model or a vocabulary-only file) without reading any weights. */
public final class GgufTokenizers {
    private GgufTokenizers() {}

    /** @throws GlassboxException when the file is malformed or its tokenizer is one Glassbox does not run */
    public static GgufTokenizer load(Path gguf) {
        try (GgufFile file = GgufFile.open(gguf)) {
            return from(file.metadata());
        } catch (GlassboxException e) {
            if (e.getMessage().startsWith(gguf.toString())) throw e;
            throw new GlassboxException(gguf + ": " + e.getMessage(), e);
        }
    }

    public static GgufTokenizer from(GgufMetadata metadata) {
        return GgufTokenizer.of(GgufVocabulary.read(metadata));
    }
}
