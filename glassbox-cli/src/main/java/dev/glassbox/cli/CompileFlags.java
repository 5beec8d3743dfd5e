package dev.glassbox.cli;

import picocli.CommandLine.Option;

/** The flags that say how to compile a program, shared by {@code compile} and {@code verify}. */
final class CompileFlags {
    @Option(names = "--vocab", paramLabel = "a,b,c",
            description = "input vocabulary, comma-separated (integers and floats are read as numbers); default: the program's own")
    String vocab;

    @Option(names = "--max-seq-len", paramLabel = "N", description = "longest input the model accepts; default: the program's own")
    Integer maxSeqLen;

    @Option(names = "--compat", paramLabel = "tracr",
            description = "reproduce the original compiler exactly (its sizes and its known faults), for comparison")
    CompatMode compat;

    @Option(names = "--causal", description = "compile with a causal attention mask (programs must read only earlier positions)")
    boolean causal;

    enum CompatMode { tracr }
}
