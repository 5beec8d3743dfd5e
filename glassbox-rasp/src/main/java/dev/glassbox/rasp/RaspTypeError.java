package dev.glassbox.rasp;

import dev.glassbox.core.GlassboxException;

/** A RASP operation applied to values it is not defined on (Python's TypeError or ZeroDivisionError). */
public class RaspTypeError extends GlassboxException {
    public RaspTypeError(String message) {
        super(message);
    }
}
