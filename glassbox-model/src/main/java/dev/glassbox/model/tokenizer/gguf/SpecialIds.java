package dev.glassbox.model.tokenizer.gguf;

import java.util.EnumMap;
import java.util.Map;

/**
 * The special-token ids as llama.cpp settles them: each tokenizer kind's defaults (SentencePiece: BOS 1,
 * EOS 2, UNK 0; GPT-2 BPE: BOS = EOS = 11; Gemma 4: none; WordPiece: BOS ([CLS]) 101, UNK 100, SEP 102,
 * PAD 0, MASK 103), dropped when outside the vocabulary, then the ids the file names where they are
 * inside it. -1 means none.
 */
final class SpecialIds {
    private SpecialIds() {}

    static Map<SpecialToken, Integer> resolve(GgufVocabulary v, TokenizerKind kind, BpeSettings bpe) {
        Map<SpecialToken, Integer> ids = new EnumMap<>(SpecialToken.class);
        for (SpecialToken role : SpecialToken.values()) ids.put(role, -1);
        if (kind == TokenizerKind.SPM) {
            ids.put(SpecialToken.BOS, 1);
            ids.put(SpecialToken.EOS, 2);
            ids.put(SpecialToken.UNK, 0);
        } else if (kind == TokenizerKind.WPM) {
            ids.put(SpecialToken.BOS, 101);
            ids.put(SpecialToken.UNK, 100);
            ids.put(SpecialToken.SEP, 102);
            ids.put(SpecialToken.PAD, 0);
            ids.put(SpecialToken.MASK, 103);
        } else if (v.model().equals("gpt2")) {
            ids.put(SpecialToken.BOS, 11);
            ids.put(SpecialToken.EOS, 11);
        }
        if (bpe != null && bpe.noBos()) ids.put(SpecialToken.BOS, -1);
        int n = v.size();
        for (SpecialToken role : SpecialToken.values()) {
            if (ids.get(role) >= n) ids.put(role, -1);
            Long given = v.specialIds().get(role);
            if (given != null && given >= 0 && given < n) ids.put(role, given.intValue());
        }
        return ids;
    }
}
