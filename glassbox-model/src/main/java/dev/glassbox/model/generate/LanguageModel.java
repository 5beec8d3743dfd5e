package dev.glassbox.model.generate;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.util.Objects;

/** A transformer with the tokenizer of its vocabulary: what generation needs. */
public record LanguageModel(Transformer transformer, Tokenizer tokenizer) {

    /** @throws IllegalArgumentException when the tokenizer's vocabulary is not the model's */
    public LanguageModel {
        Objects.requireNonNull(transformer, "transformer");
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (tokenizer.vocabSize() != transformer.config().vocabSize()) {
            throw new IllegalArgumentException("the tokenizer has " + tokenizer.vocabSize()
                    + " tokens but the model's vocabulary has " + transformer.config().vocabSize());
        }
    }
}
