package dev.glassbox.rasp.text;

import dev.glassbox.rasp.text.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a {@code .rasp} file into tokens, Python's way: a line break ends a statement except inside
 * brackets or after a backslash; {@code #} starts a comment; indentation carries no meaning (there
 * are no blocks). Blank lines produce no tokens.
 */
final class Lexer {
    private static final List<String> OPERATORS = List.of(
            "**", "//", "==", "!=", "<=", ">=",
            "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "&", "|", "~");

    private final SourceText source;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    /** Offsets of the brackets open at the current position, innermost first. */
    private final Deque<Integer> openBrackets = new ArrayDeque<>();
    private int pos;

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    static List<Token> tokenize(SourceText source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
            } else if (c == '\\') {
                continuation();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                number();
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (Character.isLetter(c) || c == '_') {
                name();
            } else {
                operator();
            }
        }
        if (!openBrackets.isEmpty()) {
            int open = openBrackets.getLast(); // the outermost: where the unfinished statement went wrong
            char opener = text.charAt(open);
            throw source.syntaxError(open, "'" + opener + "' is never closed: expected '" + closerOf(opener) + "' before the end of the file");
        }
        if (!tokens.isEmpty() && tokens.getLast().kind() != Kind.NEWLINE) {
            tokens.add(new Token(Kind.NEWLINE, "", null, pos, pos));
        }
        tokens.add(new Token(Kind.EOF, "", null, pos, pos));
        return tokens;
    }

    private void newline() {
        int start = pos;
        pos += text.startsWith("\r\n", pos) ? 2 : 1;
        boolean statementOpen = !tokens.isEmpty() && tokens.getLast().kind() != Kind.NEWLINE;
        if (openBrackets.isEmpty() && statementOpen) tokens.add(new Token(Kind.NEWLINE, "\n", null, start, start));
    }

    /** A backslash at the end of a line joins it with the next, as in Python. */
    private void continuation() {
        int next = pos + 1;
        if (text.startsWith("\r\n", next)) {
            pos = next + 2;
        } else if (next < text.length() && (text.charAt(next) == '\n' || text.charAt(next) == '\r')) {
            pos = next + 1;
        } else {
            throw source.syntaxError(pos, "a backslash outside a string must end the line (it joins the next line)");
        }
    }

    private void number() {
        int start = pos;
        boolean isFloat = false;
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                throw source.syntaxError(mark, "expected the digits of an exponent in '" + text.substring(start, pos) + "'");
            }
            digits();
            isFloat = true;
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            int end = pos;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) end++;
            throw source.syntaxError(start, "invalid number '" + text.substring(start, end) + "'");
        }
        String literal = text.substring(start, pos);
        if (isFloat) {
            tokens.add(new Token(Kind.FLOAT, literal, Double.parseDouble(literal), start, pos));
            return;
        }
        Object value;
        try {
            long v = Long.parseLong(literal);
            value = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
        } catch (NumberFormatException e) {
            throw source.syntaxError(start, "the integer " + literal + " is too large (at most " + Long.MAX_VALUE + ")");
        }
        tokens.add(new Token(Kind.INT, literal, value, start, pos));
    }

    private void digits() {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
    }

    private void string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                throw source.syntaxError(start, "this string is not closed: expected " + quote + " before the end of the line");
            }
            char c = text.charAt(pos);
            if (c == quote) break;
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                pos++;
            }
        }
        pos++;
        tokens.add(new Token(Kind.STRING, text.substring(start, pos), value.toString(), start, pos));
    }

    /** Reads one escape sequence starting at the backslash. */
    private String escape() {
        int start = pos;
        if (pos + 1 >= text.length()) throw source.syntaxError(start, "a string ends with a lone backslash");
        char c = text.charAt(pos + 1);
        pos += 2;
        return switch (c) {
            case '\\' -> "\\";
            case '\'' -> "'";
            case '"' -> "\"";
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case 'x' -> hexEscape(start, 2);
            case 'u' -> hexEscape(start, 4);
            default -> throw source.syntaxError(start, "unknown escape '\\" + c
                    + "' in a string; the escapes are \\\\ \\' \\\" \\n \\t \\r \\0 \\xHH \\uHHHH");
        };
    }

    private String hexEscape(int start, int digits) {
        if (pos + digits > text.length()) throw source.syntaxError(start, "expected " + digits + " hex digits after '" + text.substring(start, pos) + "'");
        String hex = text.substring(pos, pos + digits);
        try {
            int code = Integer.parseInt(hex, 16);
            pos += digits;
            return String.valueOf((char) code);
        } catch (NumberFormatException e) {
            throw source.syntaxError(start, "expected " + digits + " hex digits after '" + text.substring(start, pos) + "', found '" + hex + "'");
        }
    }

    private void name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        tokens.add(new Token(Kind.NAME, text.substring(start, pos), null, start, pos));
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                trackBrackets(op);
                tokens.add(new Token(Kind.OP, op, null, pos, pos + op.length()));
                pos += op.length();
                return;
            }
        }
        char c = text.charAt(pos);
        String hint = switch (c) {
            case ';' -> " (statements end at the end of the line)";
            case '!' -> " (use 'not' for negation, '!=' for inequality)";
            case '^' -> " (use '**' for powers)";
            default -> "";
        };
        throw source.syntaxError(pos, "unexpected character '" + c + "'" + hint);
    }

    private void trackBrackets(String op) {
        switch (op) {
            case "(", "[", "{" -> openBrackets.push(pos);
            case ")", "]", "}" -> {
                if (openBrackets.isEmpty()) throw source.syntaxError(pos, "'" + op + "' closes nothing: there is no open bracket");
                int open = openBrackets.pop();
                char opener = text.charAt(open);
                if (closerOf(opener) != op.charAt(0)) {
                    throw source.syntaxError(pos, "'" + op + "' does not match '" + opener + "' at " + source.lineColumn(open)
                            + "; expected '" + closerOf(opener) + "'");
                }
            }
            default -> { }
        }
    }

    private static char closerOf(char opener) {
        return switch (opener) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }
}
