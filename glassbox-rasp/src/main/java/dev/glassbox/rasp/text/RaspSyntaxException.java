package dev.glassbox.rasp.text;

/** The text is not a RASP program: a missing bracket, an unexpected token, a bad literal. */
public final class RaspSyntaxException extends RaspSourceException {
    RaspSyntaxException(String fileName, int line, int column, String problem) {
        super(fileName, line, column, problem);
    }
}
