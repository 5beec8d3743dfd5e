package dev.glassbox.rasp.text;

/**
 * A compiled piece of a lambda body: computes a value from the lambda's arguments. Names are resolved
 * and constants bound at compile time, so running it is a walk over small closures.
 */
@FunctionalInterface
interface Code {
    Object run(Object[] args);
}
