package dev.glassbox.interp;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.RaspCompiler;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tracr's library programs compiled once per test run (default mode, the library's vocabulary and length). */
public final class CompiledPrograms {
    private static final Map<String, CompiledInterpModel> MODELS = new ConcurrentHashMap<>();

    private CompiledPrograms() {}

    public static CompiledInterpModel get(String name) {
        return MODELS.computeIfAbsent(name, n -> {
            LibraryProgram p = Library.get(n);
            CompileOptions options = CompileOptions.of(p.vocab(), p.maxSeqLen()).withCausal(p.causalSafe());
            return new CompiledInterpModel(n, RaspCompiler.compile(p.build(), options));
        });
    }
}
