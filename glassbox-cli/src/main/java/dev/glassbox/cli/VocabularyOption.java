package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads token values typed on the command line. {@code 1,2,3} are the integers 1, 2, 3 (so that
 * arithmetic programs such as sort get numbers), {@code 0.5} a float, {@code True}/{@code False}
 * booleans, anything else a string.
 */
final class VocabularyOption {
    private VocabularyOption() {}

    static List<Object> parseList(String commaSeparated) {
        List<Object> out = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            String token = part.strip();
            if (token.isEmpty()) {
                throw new InvalidInputException("--vocab '" + commaSeparated + "' has an empty token; write tokens separated by commas, e.g. --vocab a,b,c");
            }
            Object value = value(token);
            if (out.contains(value)) throw new InvalidInputException("--vocab lists '" + token + "' twice");
            out.add(value);
        }
        return out;
    }

    /** One token: int, float, bool or string. */
    static Object value(String token) {
        if (token.matches("[-+]?\\d+")) {
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException tooLarge) {
                return token;
            }
        }
        if (token.matches("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?")) return Double.parseDouble(token);
        if (token.equals("True")) return Boolean.TRUE;
        if (token.equals("False")) return Boolean.FALSE;
        return token;
    }

    /**
     * An input sequence: tokens separated by spaces (or commas), kept as text; the model's
     * {@code InputEncoding} matches "1" to the integer token 1.
     */
    static List<Object> parseInput(String text) {
        List<Object> out = new ArrayList<>();
        for (String part : text.strip().split("[\\s,]+")) {
            if (!part.isEmpty()) out.add(part);
        }
        return out;
    }
}
