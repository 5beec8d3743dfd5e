package dev.glassbox.model.tokenizer.gguf;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.gguf.GgufMetadata;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokenizer metadata of a GGUF file ({@code tokenizer.ggml.*}), read and checked, not yet interpreted:
 * {@link GgufTokenizer} decides what the values mean the way llama.cpp does.
 *
 * @param model {@code tokenizer.ggml.model}: "llama" (SentencePiece BPE), "gpt2" (byte-level BPE), "gemma4",
 *     "bert" (WordPiece), ...
 * @param pre {@code tokenizer.ggml.pre}, the pre-tokenizer's name; empty when absent
 * @param tokens every id's text (kept as UTF-8, decoded on each get)
 * @param scores every id's score, or null when the file has none
 * @param tokenTypes every id's llama.cpp token type (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused,
 *     6 byte), or null when the file has none
 * @param merges the BPE merges, "left right" by rank; empty when absent (kept as UTF-8, decoded on each get)
 * @param specialIds the ids the file names for special roles (values as stored; range checks come later)
 * @param flags the boolean {@code tokenizer.ggml.*} keys present, by key without the prefix
 *     ({@code add_bos_token}, {@code add_eos_token}, {@code add_sep_token}, {@code add_space_prefix},
 *     {@code remove_extra_whitespaces}, {@code normalizer.lowercase}, {@code normalizer.strip_accents})
 * @param name {@code general.name}, or empty (llama.cpp sets some token attributes by it)
 * @param architecture {@code general.architecture}, or empty
 */
public record GgufVocabulary(String model, String pre, List<String> tokens, float[] scores, int[] tokenTypes,
        List<String> merges, Map<SpecialToken, Long> specialIds, Map<String, Boolean> flags, String name,
        String architecture) {

    private static final String PREFIX = "tokenizer.ggml.";
    private static final List<String> FLAG_KEYS = List.of("add_bos_token", "add_eos_token", "add_sep_token",
            "add_space_prefix", "remove_extra_whitespaces", "normalizer.lowercase", "normalizer.strip_accents");

    public GgufVocabulary {
        // Packed as UTF-8, not List.copyOf: that would make a String of each of hundreds of thousands of texts.
        // Lists read from a GGUF file keep the reader's packed arrays (TokenTexts.of does not copy them).
        tokens = TokenTexts.of(tokens).asList();
        merges = TokenTexts.of(merges).asList();
        specialIds = Map.copyOf(specialIds);
        flags = Map.copyOf(flags);
    }

    public int size() {
        return tokens.size();
    }

    public Optional<Boolean> flag(String key) {
        return Optional.ofNullable(flags.get(key));
    }

    /**
     * Reads the tokenizer keys of {@code metadata}.
     *
     * @throws MalformedFileException when a key llama.cpp requires is missing or has the wrong type
     */
    public static GgufVocabulary read(GgufMetadata metadata) {
        String model = metadata.string(PREFIX + "model");
        String pre = metadata.optionalString(PREFIX + "pre").orElse("");
        GgufValue tokenList = array(metadata, PREFIX + "tokens", "an array of strings", GgufValueType.STRING);
        List<String> tokens = tokenList.asStrings();
        int n = tokens.size();

        float[] scores = null;
        if (metadata.contains(PREFIX + "scores")) {
            GgufValue v = array(metadata, PREFIX + "scores", "an array of FLOAT32 or INT32", GgufValueType.FLOAT32,
                    GgufValueType.INT32);
            if (v.elementType().orElseThrow() == GgufValueType.FLOAT32) {
                scores = v.asFloats();
            } else {
                long[] ints = v.asLongs();
                scores = new float[ints.length];
                for (int i = 0; i < ints.length; i++) scores[i] = (float) ints[i];
            }
            requireLength(metadata, "scores", scores.length, n);
        }

        int[] types = null;
        if (metadata.contains(PREFIX + "token_type")) {
            GgufValue v = array(metadata, PREFIX + "token_type", "an array of INT32", GgufValueType.INT32);
            types = (int[]) v.value();
            requireLength(metadata, "token_type", types.length, n);
        }

        List<String> merges = metadata.contains(PREFIX + "merges")
                ? array(metadata, PREFIX + "merges", "an array of strings", GgufValueType.STRING).asStrings()
                : List.of();

        Map<SpecialToken, Long> ids = new EnumMap<>(SpecialToken.class);
        for (SpecialToken role : SpecialToken.values()) {
            for (String key : role.keys()) {
                if (!metadata.contains(key)) continue;
                GgufValue v = metadata.require(key);
                if (!v.type().isInteger()) {
                    throw new MalformedFileException(metadata.file(), "GGUF metadata '" + key + "' should be an integer"
                            + " token id but is " + v.typeName() + " " + v.describe(3));
                }
                ids.put(role, v.asLong());
            }
        }

        Map<String, Boolean> flags = new java.util.HashMap<>();
        for (String key : FLAG_KEYS) {
            metadata.get(PREFIX + key).ifPresent(v -> {
                if (v.type() != GgufValueType.BOOL) {
                    throw new MalformedFileException(metadata.file(), "GGUF metadata '" + PREFIX + key
                            + "' should be a bool but is " + v.typeName() + " " + v.describe(3));
                }
                flags.put(key, v.asBoolean());
            });
        }
        return new GgufVocabulary(model, pre, tokens, scores, types, merges, ids, flags,
                metadata.optionalString("general.name").orElse(""),
                metadata.optionalString("general.architecture").orElse(""));
    }

    private static GgufValue array(GgufMetadata metadata, String key, String wanted, GgufValueType... elementTypes) {
        GgufValue v = metadata.require(key);
        GgufValueType element = v.elementType().orElse(null);
        if (v.isArray() && element != null) {
            for (GgufValueType t : elementTypes) {
                if (t == element) return v;
            }
        }
        throw new MalformedFileException(metadata.file(), "GGUF metadata '" + key + "' should be " + wanted + " but is "
                + v.typeName() + " " + v.describe(3));
    }

    private static void requireLength(GgufMetadata metadata, String key, int length, int tokens) {
        if (length < tokens) {
            throw new MalformedFileException(metadata.file(), "GGUF metadata '" + PREFIX + key + "' has " + length
                    + " entries for " + tokens + " tokens");
        }
    }
}
