package dev.glassbox.model.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns bytes that arrive in pieces into text: a UTF-8 character split across pieces is held back
 * until its last byte arrives; bytes that can never form a character become U+FFFD.
 */
final class Utf8Assembler {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[0];

    /** The text completed by {@code bytes}; an unfinished character stays pending. */
    String push(byte[] bytes) {
        return decode(bytes, false);
    }

    /** The text still pending (an unfinished character becomes U+FFFD); the assembler is then empty. */
    String finish() {
        String rest = decode(new byte[0], true);
        decoder.reset();
        return rest;
    }

    private String decode(byte[] bytes, boolean end) {
        byte[] all = Arrays.copyOf(pending, pending.length + bytes.length);
        System.arraycopy(bytes, 0, all, pending.length, bytes.length);
        ByteBuffer in = ByteBuffer.wrap(all);
        CharBuffer out = CharBuffer.allocate(all.length + 1);
        decoder.decode(in, out, end); // with end == false, a truncated character is left in 'in'
        if (end) decoder.flush(out);
        pending = Arrays.copyOfRange(all, in.position(), all.length);
        return out.flip().toString();
    }
}
