package dev.glassbox.model.reference;

import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small SentencePiece vocabulary in llama.cpp's GGUF form ({@code tokenizer.ggml.model = "llama"}), enough
 * for llama.cpp to load a random-weight model and for text prompts to tokenize:
 * <pre>
 *   0 &lt;unk&gt; (unknown)  1 &lt;s&gt; BOS  2 &lt;/s&gt; EOS  3 &lt;start_of_turn&gt;  4 &lt;end_of_turn&gt;   (control)
 *   5..260   &lt;0x00&gt;..&lt;0xFF&gt;  byte fallback (llama.cpp needs &lt;0x0A&gt; for its newline token)
 *   261..    "▁", letters, a few words, then two-letter pieces, to {@link #SIZE} in all
 * </pre>
 * Token types are llama.cpp's: 1 normal, 2 unknown, 3 control, 6 byte.
 */
final class TestVocabulary {
    static final int SIZE = 320;
    static final int BOS = 1, EOS = 2, START_OF_TURN = 3, END_OF_TURN = 4;
    private static final int NORMAL = 1, UNKNOWN = 2, CONTROL = 3, BYTE = 6;

    private TestVocabulary() {}

    /** The {@code tokenizer.ggml.*} entries. */
    static Map<String, GgufValue> metadata() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "<start_of_turn>", "<end_of_turn>"));
        List<Integer> types = new ArrayList<>(List.of(UNKNOWN, CONTROL, CONTROL, CONTROL, CONTROL));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(BYTE);
        }
        List<String> pieces = new ArrayList<>(List.of("▁"));
        for (char c = 'a'; c <= 'z'; c++) pieces.add(String.valueOf(c));
        for (String w : List.of("the", "user", "model", "hello", "world", "is", "of", "and", "to", "in", "it", "he")) {
            pieces.add("▁" + w);
        }
        for (char c = 'a'; pieces.size() + tokens.size() < SIZE; c++) {
            for (char d = 'a'; d <= 'z' && pieces.size() + tokens.size() < SIZE; d++) pieces.add("" + c + d);
        }
        float[] scores = new float[SIZE];
        for (int i = 0; i < pieces.size(); i++) {
            tokens.add(pieces.get(i));
            types.add(NORMAL);
            scores[tokens.size() - 1] = -i; // earlier pieces merge first
        }
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("tokenizer.ggml.model", GgufValue.string("llama"));
        m.put("tokenizer.ggml.tokens", GgufValue.strings(tokens));
        m.put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, scores));
        m.put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32,
                types.stream().mapToInt(Integer::intValue).toArray()));
        m.put("tokenizer.ggml.unknown_token_id", GgufValue.uint32(0));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.uint32(BOS));
        m.put("tokenizer.ggml.eos_token_id", GgufValue.uint32(EOS));
        m.put("tokenizer.ggml.add_bos_token", GgufValue.bool(true));
        return m;
    }
}
