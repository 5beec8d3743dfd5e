package dev.glassbox.model.tokenizer.gguf;

import dev.glassbox.core.GlassboxException;

/** The tokenizer algorithms Glassbox runs, by {@code tokenizer.ggml.model}. */
enum TokenizerKind {
    /** "llama": SentencePiece BPE by score, with byte fallback ({@link SpmEncoder}). */
    SPM,
    /** "gpt2", "gemma4": BPE by merge rank after a pre-tokenizer ({@link BpeEncoder}). */
    BPE,
    /** "bert": WordPiece, longest tokens first ({@link WpmEncoder}). */
    WPM;

    static TokenizerKind of(String model) {
        return switch (model) {
            case "llama" -> SPM;
            case "gpt2", "gemma4" -> BPE;
            case "bert" -> WPM;
            case "t5" -> throw unsupported(model, "Unigram (T5)");
            case "rwkv", "plamo2", "hybriddna", "whitespace", "test" -> throw unsupported(model, "'" + model + "'");
            case "no_vocab", "none" -> throw new GlassboxException("the file has no vocabulary (tokenizer.ggml.model = '"
                    + model + "'); give a model file that carries its tokenizer");
            default -> throw new GlassboxException("unknown tokenizer.ggml.model '" + model
                    + "'; Glassbox reads 'llama' (SentencePiece), 'gpt2' and 'gemma4' (BPE) and 'bert' (WordPiece)");
        };
    }

    private static GlassboxException unsupported(String model, String what) {
        return new GlassboxException("tokenizer.ggml.model = '" + model + "': Glassbox does not run " + what
                + " tokenizers yet; it runs 'llama' (SentencePiece), 'gpt2' and 'gemma4' (BPE) and 'bert' (WordPiece)");
    }
}
