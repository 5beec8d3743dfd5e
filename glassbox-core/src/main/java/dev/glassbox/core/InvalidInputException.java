package dev.glassbox.core;

/** Input that the model or program cannot take: an unknown token, a sequence too long, a bad flag. */
public class InvalidInputException extends GlassboxException {
    public InvalidInputException(String message) {
        super(message);
    }
}
