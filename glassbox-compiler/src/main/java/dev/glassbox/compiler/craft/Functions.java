package dev.glassbox.compiler.craft;

import dev.glassbox.rasp.RaspTypeError;
import java.util.function.Supplier;

/** Applying a RASP function while building weights: a value it raises on has no image. */
final class Functions {
    private Functions() {}

    static Object applyOrNull(Supplier<Object> f) {
        try {
            return f.get();
        } catch (RaspTypeError | ArithmeticException | ClassCastException e) {
            return null;
        }
    }
}
