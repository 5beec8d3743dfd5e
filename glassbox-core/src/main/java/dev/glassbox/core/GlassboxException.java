package dev.glassbox.core;

/**
 * A user error: bad input, a file that cannot be read, a program that cannot compile. Its message
 * says what is wrong and what to do; the CLI prints it and exits with status 2, without a stack trace.
 * Anything else that escapes is a bug in Glassbox.
 */
public class GlassboxException extends RuntimeException {
    public GlassboxException(String message) {
        super(message);
    }

    public GlassboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
