package dev.glassbox.rasp.text;

import dev.glassbox.core.GlassboxException;

/**
 * A mistake in a {@code .rasp} file, found before the program runs. The message starts with
 * {@code file:line:col: } so that editors and terminals can jump to it.
 */
public abstract sealed class RaspSourceException extends GlassboxException
        permits RaspSyntaxException, RaspTypeCheckException {
    private final String fileName;
    private final int line;
    private final int column;
    private final String problem;

    RaspSourceException(String fileName, int line, int column, String problem) {
        super(fileName + ":" + line + ":" + column + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    /** 1-based, in characters. */
    public int column() {
        return column;
    }

    /** The message without its location. */
    public String problem() {
        return problem;
    }
}
