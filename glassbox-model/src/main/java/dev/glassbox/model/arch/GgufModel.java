package dev.glassbox.model.arch;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import java.nio.file.Path;

/**
 * A llama or Gemma 2 model loaded from a GGUF file: its configuration, its weights as views of the mapped
 * file (quantized matrices multiply in their stored format), and the {@link Transformer} that runs them
 * with every hook. Keep it open while the model is used; closing it unmaps the weights.
 *
 * <pre>{@code
 * try (GgufModel model = GgufModel.load(Path.of("gemma-2-2b-it-Q8_0.gguf"))) {
 *     float[][] logits = model.transformer().forward(tokens);
 * }
 * }</pre>
 */
public final class GgufModel implements AutoCloseable {
    private final GgufFile file;
    private final Transformer transformer;

    private GgufModel(GgufFile file, Transformer transformer) {
        this.file = file;
        this.transformer = transformer;
    }

    /**
     * Opens, validates and maps {@code path}.
     *
     * @throws MalformedFileException naming the file and the field or tensor that is wrong
     * @throws GlassboxException when the file cannot be read
     */
    public static GgufModel load(Path path) {
        GgufFile file = GgufFile.open(path);
        try {
            TransformerConfig config;
            TransformerWeights weights;
            try {
                config = GgufArchitecture.config(file);
                weights = GgufArchitecture.weights(file, config);
                return new GgufModel(file, new Transformer(config, weights));
            } catch (IllegalArgumentException e) { // a configuration or shape the runtime refuses
                throw new MalformedFileException(path, e.getMessage());
            }
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public TransformerConfig config() {
        return transformer.config();
    }

    public TransformerWeights weights() {
        return transformer.weights();
    }

    public Transformer transformer() {
        return transformer;
    }

    /** The GGUF file, for its metadata (the tokenizer lives there too). */
    public GgufFile file() {
        return file;
    }

    @Override
    public void close() {
        file.close();
    }
}
