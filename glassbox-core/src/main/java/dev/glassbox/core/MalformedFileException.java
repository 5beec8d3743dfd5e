package dev.glassbox.core;

import java.nio.file.Path;

/** A file whose bytes do not match its format: names the file and the field that is wrong. */
public class MalformedFileException extends GlassboxException {
    public MalformedFileException(Path file, String what) {
        super(file + ": " + what);
    }
}
