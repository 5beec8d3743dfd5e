package dev.glassbox.cli;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.RaspCompiler;
import dev.glassbox.model.compiled.CompiledModel;
import java.util.List;

/** Compiles a {@link ProgramSource} with the command line's flags. */
final class Compilation {
    private Compilation() {}

    static CompiledModel compile(ProgramSource source, CompileFlags flags) {
        List<Object> vocab = source.vocab(flags.vocab);
        int maxSeqLen = source.maxSeqLen(flags.maxSeqLen);
        CompileOptions.Mode mode = flags.compat != null ? CompileOptions.Mode.TRACR_COMPAT : CompileOptions.Mode.DEFAULT;
        CompileOptions options = CompileOptions.of(vocab, maxSeqLen).withMode(mode).withCausal(flags.causal);
        return RaspCompiler.compile(source.programFor(maxSeqLen), options).withProgramSource(source.storedText());
    }
}
