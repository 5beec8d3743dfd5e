package dev.glassbox.model.tokenizer.gguf;

import java.util.List;

/** The special-token roles a GGUF file can name by id, with the metadata keys that name them. */
public enum SpecialToken {
    BOS("tokenizer.ggml.bos_token_id"),
    EOS("tokenizer.ggml.eos_token_id"),
    EOT("tokenizer.ggml.eot_token_id"),
    EOM("tokenizer.ggml.eom_token_id"),
    UNK("tokenizer.ggml.unknown_token_id"),
    SEP("tokenizer.ggml.seperator_token_id"), // sic: llama.cpp's spelling
    PAD("tokenizer.ggml.padding_token_id"),
    MASK("tokenizer.ggml.mask_token_id"),
    FIM_PRE("tokenizer.ggml.fim_pre_token_id", "tokenizer.ggml.prefix_token_id"),
    FIM_SUF("tokenizer.ggml.fim_suf_token_id", "tokenizer.ggml.suffix_token_id"),
    FIM_MID("tokenizer.ggml.fim_mid_token_id", "tokenizer.ggml.middle_token_id"),
    FIM_PAD("tokenizer.ggml.fim_pad_token_id"),
    FIM_REP("tokenizer.ggml.fim_rep_token_id"),
    FIM_SEP("tokenizer.ggml.fim_sep_token_id");

    private final List<String> keys;

    SpecialToken(String... keys) {
        this.keys = List.of(keys);
    }

    /** The keys that set this role, in the order llama.cpp reads them (a later one wins; the second is deprecated). */
    public List<String> keys() {
        return keys;
    }
}
