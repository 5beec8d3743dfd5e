package dev.glassbox.model.tokenizer;

import java.util.OptionalInt;

/**
 * Text to token ids and back, for one model's vocabulary. Implementations: {@link SentencePieceTokenizer}
 * (llama2.c's {@code tokenizer.bin}) and {@code gguf.GgufTokenizer} (a GGUF file's SentencePiece or BPE
 * vocabulary, tokenized as llama.cpp does; see docs/tokenizers.md).
 *
 * <p>Decoding works on bytes, one token at a time, because a token may carry part of a UTF-8 character
 * (byte-fallback tokens do): {@link TextStream} assembles them into text as they arrive.
 *
 * <pre>{@code
 * int[] ids = tokenizer.encode("Once upon a time");        // no BOS
 * TextStream text = tokenizer.stream();
 * for (int id : ids) System.out.print(text.next(id));
 * System.out.print(text.finish());
 * }</pre>
 */
public interface Tokenizer {

    /** Number of ids: every id is in [0, vocabSize). */
    int vocabSize();

    /** The beginning-of-sequence id, if the vocabulary has one. */
    OptionalInt bos();

    /** The end-of-sequence id, if the vocabulary has one. */
    OptionalInt eos();

    /** The ids of {@code text}, without BOS or EOS. */
    int[] encode(String text);

    /** Token {@code id}'s vocabulary entry as it is stored, for display (e.g. " the", "<0x0A>", "<s>"). */
    String piece(int id);

    /**
     * The bytes token {@code id} adds to the text when it follows {@code previous} (-1 at the start of
     * the text). Control tokens add nothing; byte tokens add their byte. The bytes need not be whole
     * UTF-8 characters.
     */
    byte[] decode(int previous, int id);

    /** A decoder for a stream of ids, starting at the start of a text. */
    default TextStream stream() {
        return new TextStream(this);
    }

    /** The text of a whole sequence of ids (malformed UTF-8 becomes U+FFFD). */
    default String decode(int[] ids) {
        TextStream stream = stream();
        StringBuilder text = new StringBuilder();
        for (int id : ids) text.append(stream.next(id));
        return text.append(stream.finish()).toString();
    }
}
