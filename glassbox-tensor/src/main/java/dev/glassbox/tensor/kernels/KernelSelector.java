package dev.glassbox.tensor.kernels;

import java.util.Locale;

/** Chooses the kernels once per JVM, from the {@code glassbox.kernels} property and what the JVM offers. */
final class KernelSelector {
    static final String PROPERTY = "glassbox.kernels";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    static final Kernels PREFERRED = select(System.getProperty(PROPERTY), vectorModulePresent());

    private KernelSelector() {}

    /** Pure decision, so tests can check it without touching the process-wide choice. */
    static Kernels select(String requested, boolean vectorAvailable) {
        String choice = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "scalar" -> ScalarKernels.INSTANCE;
            case "vector" -> vector(vectorAvailable);
            case "auto", "" -> vectorAvailable ? VectorKernels.create() : ScalarKernels.INSTANCE;
            default -> throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + requested + " is not a kernel choice; use scalar, vector or auto");
        };
    }

    static Kernels vector() {
        return vector(vectorModulePresent());
    }

    private static Kernels vector(boolean vectorAvailable) {
        if (!vectorAvailable) {
            throw new IllegalStateException("the vector kernels need the JVM flag --add-modules " + VECTOR_MODULE
                    + "; add it, or run with -D" + PROPERTY + "=scalar");
        }
        return VectorKernels.create();
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }
}
