package dev.glassbox.model.tokenizer.gguf;

import java.util.Optional;

/**
 * What a {@code tokenizer.ggml.pre} name means for a BPE vocabulary, as llama.cpp's loader decides it:
 * the pre-tokenizer, and the flags some names change from the BPE defaults.
 *
 * @param type the pre-tokenizer
 * @param ignoreMerges a word that is itself a token becomes that token without merging (Llama 3 and others)
 * @param addBos BOS is added by default (a GGUF {@code add_bos_token} still overrides)
 * @param escapeWhitespaces spaces become "▁" before merging, and back when decoding (Gemma 4's SentencePiece-style BPE)
 * @param noBos the family has no BOS (ChatGLM): the default BOS id is dropped
 */
record BpeSettings(PreTokenizerType type, boolean ignoreMerges, boolean addBos, boolean escapeWhitespaces, boolean noBos) {

    private static BpeSettings of(PreTokenizerType type) {
        return new BpeSettings(type, false, false, false, false);
    }

    private BpeSettings ignoringMerges() {
        return new BpeSettings(type, true, addBos, escapeWhitespaces, noBos);
    }

    private BpeSettings addingBos() {
        return new BpeSettings(type, ignoreMerges, true, escapeWhitespaces, noBos);
    }

    private BpeSettings escapingWhitespaces() {
        return new BpeSettings(type, ignoreMerges, addBos, true, noBos);
    }

    private BpeSettings withoutBos() {
        return new BpeSettings(type, ignoreMerges, addBos, escapeWhitespaces, true);
    }

    /** The settings for a pre-tokenizer name, or empty when Glassbox does not know it (or cannot run it). */
    static Optional<BpeSettings> forName(String pre) {
        BpeSettings s = switch (pre) {
            case "", "default" -> of(PreTokenizerType.DEFAULT);
            case "minicpm5" -> of(PreTokenizerType.MINICPM5).ignoringMerges();
            case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "jina-v5-nano" ->
                    of(PreTokenizerType.LLAMA3).ignoringMerges().addingBos();
            case "deepseek-llm" -> of(PreTokenizerType.DEEPSEEK_LLM);
            case "deepseek-coder" -> of(PreTokenizerType.DEEPSEEK_CODER);
            case "deepseek-v3" -> of(PreTokenizerType.DEEPSEEK3_LLM);
            case "spark2_5" -> of(PreTokenizerType.SPARK2_5);
            case "youtu" -> of(PreTokenizerType.YOUTU).ignoringMerges();
            case "falcon" -> of(PreTokenizerType.FALCON);
            case "mpt" -> of(PreTokenizerType.MPT);
            case "starcoder" -> of(PreTokenizerType.STARCODER);
            case "gpt-2", "phi-2", "jina-es", "jina-de", "gigachat", "jina-v2-es", "jina-v2-de", "a.x-4.0", "mellum",
                    "modern-bert", "exaone4", "jina-v1-en", "jina-v2-code", "roberta-bpe" -> of(PreTokenizerType.GPT2);
            case "jais-2" -> of(PreTokenizerType.JAIS2);
            case "gemma4", "granite-embed-multi-311m" -> of(PreTokenizerType.GEMMA4).escapingWhitespaces();
            case "sarvam-moe" -> of(PreTokenizerType.SARVAM_MOE).escapingWhitespaces();
            case "refact" -> of(PreTokenizerType.REFACT);
            case "command-r" -> of(PreTokenizerType.COMMAND_R);
            case "qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "megrez" -> of(PreTokenizerType.QWEN2);
            case "qwen35" -> of(PreTokenizerType.QWEN35);
            case "stablelm2" -> of(PreTokenizerType.STABLELM2);
            case "olmo" -> of(PreTokenizerType.OLMO);
            case "dbrx" -> of(PreTokenizerType.DBRX);
            case "smaug-bpe" -> of(PreTokenizerType.SMAUG);
            case "poro-chat" -> of(PreTokenizerType.PORO);
            case "glm4", "chatglm-bpe" -> of(PreTokenizerType.CHATGLM4).withoutBos();
            case "viking" -> of(PreTokenizerType.VIKING);
            case "jais" -> of(PreTokenizerType.JAIS);
            case "tekken" -> of(PreTokenizerType.TEKKEN).ignoringMerges().addingBos();
            case "smollm" -> of(PreTokenizerType.SMOLLM);
            case "codeshell" -> of(PreTokenizerType.CODESHELL);
            case "bloom" -> of(PreTokenizerType.BLOOM);
            case "gpt3-finnish" -> of(PreTokenizerType.GPT3_FINNISH);
            case "exaone" -> of(PreTokenizerType.EXAONE);
            case "exaone-moe" -> of(PreTokenizerType.EXAONE_MOE);
            case "chameleon" -> of(PreTokenizerType.CHAMELEON).addingBos();
            case "minerva-7b" -> of(PreTokenizerType.MINERVA);
            case "gpt-4o", "llama4", "kanana2", "talkie" -> of(PreTokenizerType.GPT4O);
            case "granite-embed-multi-97m" -> of(PreTokenizerType.GRANITE_EMB_MULTI).ignoringMerges();
            case "trillion" -> of(PreTokenizerType.TRILLION);
            case "granite-docling" -> of(PreTokenizerType.GRANITE_DOCLING);
            case "bailingmoe", "bailingmoe2", "llada-moe" -> of(PreTokenizerType.BAILINGMOE);
            case "seed-coder" -> of(PreTokenizerType.SEED_CODER);
            case "hunyuan" -> of(PreTokenizerType.HUNYUAN);
            case "hunyuan-dense" -> of(PreTokenizerType.HUNYUAN_DENSE);
            case "hy_v4" -> of(PreTokenizerType.HY_V4);
            case "joyai-llm" -> of(PreTokenizerType.JOYAI_LLM);
            case "ufakzeka" -> of(PreTokenizerType.UFAKZEKA);
            case "grok-2" -> of(PreTokenizerType.GROK_2);
            case "laguna" -> of(PreTokenizerType.LAGUNA);
            case "minimax-m2" -> of(PreTokenizerType.MINIMAX_M2);
            case "solar-open" -> of(PreTokenizerType.SOLAR_OPEN);
            case "mellum2" -> of(PreTokenizerType.MELLUM2);
            default -> null;
        };
        return Optional.ofNullable(s);
    }
}
