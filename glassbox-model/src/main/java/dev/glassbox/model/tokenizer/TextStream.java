package dev.glassbox.model.tokenizer;

/**
 * Decodes ids one at a time into text, for printing while a model generates: each call returns the
 * text that token completes, which is empty while a UTF-8 character is still incomplete. Keeps the
 * previous id, since a token's text can depend on it (SentencePiece drops the leading space after BOS).
 */
public final class TextStream {
    private final Tokenizer tokenizer;
    private final Utf8Assembler utf8 = new Utf8Assembler();
    private int previous = -1;

    public TextStream(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The text completed by {@code id}. */
    public String next(int id) {
        byte[] bytes = tokenizer.decode(previous, id);
        previous = id;
        return utf8.push(bytes);
    }

    /** Whatever is still held back (an unfinished character, as U+FFFD); call once at the end. */
    public String finish() {
        return utf8.finish();
    }
}
