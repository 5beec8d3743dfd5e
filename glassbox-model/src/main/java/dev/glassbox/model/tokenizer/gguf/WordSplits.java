package dev.glassbox.model.tokenizer.gguf;

import java.util.Map;

/**
 * The split step for one pre-tokenizer expression: llama.cpp runs five expressions by hand-written code,
 * recognised by their exact text, and every other one through {@code std::regex}; Glassbox does the same
 * ({@link Gpt2Split}, {@link Llama3Split}, {@link NewlineSplit}, else {@link RegexSplit}).
 */
final class WordSplits {
    private static final String GPT2 = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
    private static final String LLAMA3_ORIGINAL =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String LLAMA3 =
            "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN2 =
            "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN35 =
            "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?[\\p{L}\\p{M}]+|\\p{N}| ?[^\\s\\p{L}\\p{M}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String NEWLINES = "[^\\n]+|[\\n]+";

    private static final Map<String, WordSplit> HAND_WRITTEN = Map.of(
            GPT2, new Gpt2Split(),
            LLAMA3_ORIGINAL, Llama3Split.LLAMA3,
            LLAMA3, Llama3Split.LLAMA3,
            QWEN2, Llama3Split.QWEN2,
            QWEN35, Llama3Split.QWEN35,
            NEWLINES, new NewlineSplit());

    private WordSplits() {}

    static WordSplit forExpression(String expression) {
        WordSplit split = HAND_WRITTEN.get(expression);
        return split != null ? split : new RegexSplit(expression);
    }
}
