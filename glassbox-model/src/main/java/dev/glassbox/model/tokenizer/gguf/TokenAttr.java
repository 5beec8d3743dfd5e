package dev.glassbox.model.tokenizer.gguf;

/**
 * llama.cpp's per-token attribute bits ({@code llama_token_attr}). A token starts with the attribute of its
 * GGUF token type; loading then adds bits by the token's text (see {@link TokenAttributes}).
 */
final class TokenAttr {
    static final int UNDEFINED = 0;
    static final int UNKNOWN = 1;
    static final int UNUSED = 1 << 1;
    static final int NORMAL = 1 << 2;
    static final int CONTROL = 1 << 3;
    static final int USER_DEFINED = 1 << 4;
    static final int BYTE = 1 << 5;
    static final int LSTRIP = 1 << 7;
    static final int RSTRIP = 1 << 8;

    private TokenAttr() {}

    /** The attribute of a GGUF token type (llama_token_type: 0 undefined ... 6 byte). */
    static int ofTokenType(int type) {
        return switch (type) {
            case 1 -> NORMAL;
            case 2 -> UNKNOWN;
            case 3 -> CONTROL;
            case 4 -> USER_DEFINED;
            case 5 -> UNUSED;
            case 6 -> BYTE;
            default -> UNDEFINED;
        };
    }

    static boolean has(int attr, int bits) {
        return (attr & bits) != 0;
    }
}
