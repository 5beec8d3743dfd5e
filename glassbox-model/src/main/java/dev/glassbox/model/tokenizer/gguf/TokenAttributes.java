package dev.glassbox.model.tokenizer.gguf;

import static dev.glassbox.model.tokenizer.gguf.TokenAttr.CONTROL;
import static dev.glassbox.model.tokenizer.gguf.TokenAttr.LSTRIP;
import static dev.glassbox.model.tokenizer.gguf.TokenAttr.NORMAL;
import static dev.glassbox.model.tokenizer.gguf.TokenAttr.RSTRIP;
import static dev.glassbox.model.tokenizer.gguf.TokenAttr.UNKNOWN;
import static dev.glassbox.model.tokenizer.gguf.TokenAttr.UNUSED;
import static dev.glassbox.model.tokenizer.gguf.TokenAttr.USER_DEFINED;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The token attributes llama.cpp derives at load time beyond the GGUF token types, which decide which
 * tokens are cut out of a text before merging and how tokens decode:
 * <ol>
 *   <li>end-of-turn, end-of-message and fill-in-the-middle tokens not named by id are found by their text
 *       and made control tokens;
 *   <li>control tokens whose text says "unused" are marked unused;
 *   <li>the end-of-generation set is built (by text, plus EOS/EOT/EOM), its members made control tokens,
 *       with the gpt-oss, o200k/solar and Gemma 4 exceptions;
 *   <li>the special tokens (control, user-defined, unknown) are listed longest first;
 *   <li>Phi-3 strips whitespace after its special tokens, and a few encoders strip it before their mask.
 * </ol>
 * Where llama.cpp walks a hash map and takes the first match, Glassbox takes the lowest id.
 */
final class TokenAttributes {
    private static final Map<SpecialToken, List<String>> FOUND_BY_TEXT = new EnumMap<>(Map.of(
            SpecialToken.EOT, List.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>",
                    "<|end_of_text|>", "<EOT>", "_<EOT>", "[EOT]", "<｜end▁of▁sentence｜>", "<end_of_utterance>"),
            SpecialToken.EOM, List.of("<|eom_id|>"),
            SpecialToken.FIM_PRE, List.of("<|fim_prefix|>", "<fim-prefix>", "<fim_prefix>", "<｜fim▁begin｜>", "<PRE>",
                    "▁<PRE>", "<|code_prefix|>", "<|prefix|>"),
            SpecialToken.FIM_SUF, List.of("<|fim_suffix|>", "<fim-suffix>", "<fim_suffix>", "<｜fim▁hole｜>", "<SUF>",
                    "▁<SUF>", "<|code_suffix|>", "<|suffix|>"),
            SpecialToken.FIM_MID, List.of("<|fim_middle|>", "<fim-middle>", "<fim_middle>", "<｜fim▁end｜>", "<MID>",
                    "▁<MID>", "<|code_middle|>", "<|middle|>"),
            SpecialToken.FIM_PAD, List.of("<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>", "[PAD]"),
            SpecialToken.FIM_REP, List.of("<|fim_repo|>", "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>"),
            SpecialToken.FIM_SEP, List.of("<|file_sep|>")));

    private static final Set<String> END_OF_GENERATION = Set.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>",
            "<|call|>", "<|flush|>", "<|calls|>", "<end_of_turn>", "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>",
            "_<EOT>", "[EOT]", "[EOS]", "<|end_of_text|>", "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>",
            "<｜end▁of▁sentence｜>", "[e~[");

    private static final Set<String> ALWAYS_RENDERED = Set.of("<|channel|>", "<|message|>", "<|start|>", "<|constrain|>");

    /**
     * @param attrs each id's attributes, changed in place
     * @param eog the end-of-generation ids
     * @param specialTokens the ids cut out of a text before merging (control, user-defined, unknown), longest text first
     */
    record Result(int[] attrs, Set<Integer> eog, int[] specialTokens) {}

    private TokenAttributes() {}

    /**
     * @param ids each text's id (the last id, where texts repeat, as llama.cpp's map keeps it), and through
     *     {@link TokenIndex#texts()} each id's text
     * @param attrs each id's attributes from its token type; changed in place
     * @param special the special ids so far (-1 for none); roles found by text are added
     */
    static Result derive(TokenIndex ids, int[] attrs, Map<SpecialToken, Integer> special, String pre, String modelName,
            String architecture) {
        TokenTexts texts = ids.texts();
        // Each listed text looked up, rather than every token's text decoded: the same lowest id among those
        // the text-to-id map keeps.
        for (Map.Entry<SpecialToken, List<String>> role : FOUND_BY_TEXT.entrySet()) {
            if (special.get(role.getKey()) >= 0) continue;
            int found = role.getValue().stream().mapToInt(ids::id).filter(id -> id >= 0).min().orElse(-1);
            if (found >= 0) {
                special.put(role.getKey(), found);
                attrs[found] |= CONTROL;
            }
        }

        for (int id = 0; id < texts.size(); id++) {
            if ((attrs[id] & CONTROL) == 0) continue;
            String text = texts.text(id);
            if (text.contains("unused") && ids.id(text) == id) attrs[id] |= UNUSED;
        }

        Set<Integer> eog = new TreeSet<>();
        for (SpecialToken role : List.of(SpecialToken.FIM_PAD, SpecialToken.FIM_REP, SpecialToken.FIM_SEP)) {
            if (special.get(role) >= 0) eog.add(special.get(role));
        }
        for (String text : END_OF_GENERATION) {
            int id = ids.id(text);
            if (id >= 0) {
                eog.add(id);
                attrs[id] |= CONTROL;
            }
        }
        for (String text : ALWAYS_RENDERED) {
            int id = ids.id(text);
            if (id >= 0) attrs[id] = USER_DEFINED;
        }
        for (SpecialToken role : List.of(SpecialToken.EOS, SpecialToken.EOT, SpecialToken.EOM)) {
            if (special.get(role) >= 0) eog.add(special.get(role));
        }
        endIsNotEndOfGeneration(texts, attrs, eog);
        closingSIsNotEndOfGeneration(texts, attrs, eog);

        int[] specialTokens = IntStream.range(0, texts.size())
                .filter(id -> (attrs[id] & (CONTROL | USER_DEFINED | UNKNOWN)) != 0)
                .boxed()
                .sorted(Comparator.comparingInt((Integer id) -> -texts.byteLength(id)))
                .mapToInt(Integer::intValue)
                .toArray();

        stripRules(ids, attrs, specialTokens, pre, modelName, architecture);
        return new Result(attrs, eog, specialTokens);
    }

    /** o200k_harmony and solar-open: "<|end|>" ends a message, not the generation. */
    private static void endIsNotEndOfGeneration(TokenTexts texts, int[] attrs, Set<Integer> eog) {
        boolean hasReturn = false, hasCall = false, hasFlush = false;
        int end = -1;
        for (int id : eog) {
            switch (texts.text(id)) {
                case "<|return|>" -> hasReturn = true;
                case "<|call|>", "<|calls|>" -> hasCall = true;
                case "<|flush|>" -> hasFlush = true;
                case "<|end|>" -> end = id;
                default -> { }
            }
        }
        if (end >= 0 && ((hasReturn && hasCall) || (hasCall && hasFlush))) {
            eog.remove(end);
            attrs[end] = USER_DEFINED;
        }
    }

    /** Gemma 4 and PaddleOCR: "</s>" is ordinary text there. */
    private static void closingSIsNotEndOfGeneration(TokenTexts texts, int[] attrs, Set<Integer> eog) {
        boolean hasToolResponse = false;
        int closingS = -1;
        for (int id : eog) {
            String text = texts.text(id);
            if (text.equals("<|tool_response>")) hasToolResponse = true;
            else if (text.equals("</s>")) closingS = id;
        }
        if (hasToolResponse && closingS >= 0) {
            eog.remove(closingS);
            attrs[closingS] = NORMAL;
        }
    }

    private static void stripRules(TokenIndex ids, int[] attrs, int[] specialTokens, String pre,
            String modelName, String architecture) {
        String name = modelName.toLowerCase(Locale.ROOT);
        if (containsAny(pre, "jina-v2-de", "jina-v2-es", "jina-v2-code")
                || containsAny(architecture, "nomic-bert-moe", "jina-bert-v3")) {
            set(ids, attrs, "<mask>", LSTRIP, true);
        } else if (containsAny(name, "phi-3", "phi3")) {
            for (int id : specialTokens) attrs[id] |= RSTRIP;
            set(ids, attrs, "</s>", RSTRIP, true);
            for (String text : List.of("<unk>", "<s>", "<|endoftext|>")) set(ids, attrs, text, RSTRIP, false);
        } else if (containsAny(name, "modern-bert")) {
            set(ids, attrs, "[MASK]", LSTRIP, true);
        }
    }

    private static void set(TokenIndex ids, int[] attrs, String text, int bit, boolean on) {
        int id = ids.id(text);
        if (id < 0) return;
        attrs[id] = on ? attrs[id] | bit : attrs[id] & ~bit;
    }

    private static boolean containsAny(String s, String... parts) {
        for (String p : parts) {
            if (s.contains(p)) return true;
        }
        return false;
    }
}
