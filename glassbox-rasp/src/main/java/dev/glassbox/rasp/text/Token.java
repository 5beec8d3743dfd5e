package dev.glassbox.rasp.text;

/**
 * One token of a {@code .rasp} file. {@code value} is the literal's value for numbers and strings;
 * {@code start} and {@code end} are character offsets into the source.
 */
record Token(Kind kind, String text, Object value, int start, int end) {

    enum Kind { NAME, INT, FLOAT, STRING, OP, NEWLINE, EOF }

    static final java.util.Set<String> KEYWORDS = java.util.Set.of(
            "lambda", "if", "else", "and", "or", "not", "in", "is", "let", "vocab", "max_seq_len", "True", "False", "None");

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    boolean isKeyword() {
        return kind == Kind.NAME && KEYWORDS.contains(text);
    }

    boolean isIdentifier() {
        return kind == Kind.NAME && !KEYWORDS.contains(text);
    }

    /** How the token is quoted in "found ..." of an error message. */
    String describe() {
        return switch (kind) {
            case NEWLINE -> "end of line";
            case EOF -> "end of file";
            case STRING -> "the string " + text;
            default -> isKeyword() ? "keyword '" + text + "'" : "'" + text + "'";
        };
    }
}
