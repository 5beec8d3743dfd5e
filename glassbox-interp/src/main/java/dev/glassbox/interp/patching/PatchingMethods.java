package dev.glassbox.interp.patching;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a {@link PatchingMethod} by name: activation patching, or one plugged in as a service. */
public final class PatchingMethods {
    private PatchingMethods() {}

    public static List<PatchingMethod> all() {
        List<PatchingMethod> methods = new ArrayList<>();
        methods.add(new ActivationPatching());
        ServiceLoader.load(PatchingMethod.class).forEach(methods::add);
        return methods;
    }

    public static PatchingMethod named(String name) {
        List<PatchingMethod> methods = all();
        for (PatchingMethod m : methods) if (m.name().equals(name)) return m;
        throw new InvalidInputException("unknown patching method '" + name + "'; available: "
                + String.join(", ", methods.stream().map(PatchingMethod::name).toList()));
    }
}
