package dev.glassbox.model.tokenizer.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into the words BPE merges within, by a {@link PreTokenizerType}'s expressions in order,
 * then (for byte-level vocabularies) spells each word in GPT-2's byte alphabet ({@link ByteLevel}).
 */
final class PreTokenizer {
    private final List<WordSplit> steps;
    private final boolean byteEncode;

    PreTokenizer(PreTokenizerType type) {
        this.steps = type.regexes().stream().map(WordSplits::forExpression).toList();
        this.byteEncode = type.byteEncode();
    }

    List<String> words(String text) {
        int[] cps = text.codePoints().toArray();
        IntList pieces = new IntList();
        pieces.add(cps.length);
        for (WordSplit step : steps) pieces = step.split(cps, pieces);
        List<String> words = new ArrayList<>(pieces.size());
        int start = 0;
        for (int i = 0; i < pieces.size(); i++) {
            String word = new String(cps, start, pieces.get(i));
            words.add(byteEncode ? ByteLevel.encode(word) : word);
            start += pieces.get(i);
        }
        return words;
    }
}
