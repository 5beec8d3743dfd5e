package dev.glassbox.rasp.text;

/**
 * The text parses but does not make a program: an unknown name, an S-Op where a selector is needed,
 * a lambda with the wrong number of parameters, an annotation on the wrong kind of expression.
 */
public final class RaspTypeCheckException extends RaspSourceException {
    RaspTypeCheckException(String fileName, int line, int column, String problem) {
        super(fileName, line, column, problem);
    }
}
