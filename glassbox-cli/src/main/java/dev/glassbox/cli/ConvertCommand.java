package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.arch.GgufConverter;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glassbox convert IN OUT --type q8_0}: llama2.c or GGUF in, GGUF out (see {@link GgufConverter}). */
@Command(name = "convert", description = "Convert a llama2.c checkpoint or a GGUF file to GGUF, re-quantizing its matrices"
        + " (vectors such as norms stay F32).")
final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "a llama2.c checkpoint (.bin) or a .gguf file")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "the .gguf file to write (replaced if it exists)")
    Path output;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "f16",
            description = "type of the matrices: f32, f16, bf16, q8_0, q4_0, q4_k or q6_k (default: ${DEFAULT-VALUE})")
    String type;

    @Option(names = "--tokenizer", paramLabel = "FILE",
            description = "a llama2.c tokenizer (.bin) to embed as tokenizer.ggml.* so llama.cpp can run the file")
    Path tokenizer;

    @Override
    public Integer call() throws IOException {
        GgmlType target = GgmlType.named(type).filter(GgufConverter.TARGETS::contains).orElseThrow(() -> new InvalidInputException(
                "--type " + type + " is not a conversion target; use one of " + GgufConverter.TARGETS.stream()
                        .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        if (!Files.isRegularFile(input)) throw new InvalidInputException(input + " is not a file");
        if (tokenizer != null && !Files.isRegularFile(tokenizer)) throw new InvalidInputException(tokenizer + " is not a file");
        if (InspectCommand.format(input) == InspectCommand.Format.SAFETENSORS) {
            throw new InvalidInputException(input + " is a safetensors file; convert reads llama2.c checkpoints and GGUF files");
        }
        long start = System.nanoTime();
        GgufConverter.Result result = GgufConverter.convert(input, output, target, tokenizer);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s: %d tensors, matrices %s, %s in %.1f s%n", output, result.tensors(), target,
                InspectCommand.size(Files.size(output)), (System.nanoTime() - start) / 1e9);
        for (String note : result.notes()) out.printf(Locale.ROOT, "  note: %s%n", note);
        out.flush();
        return 0;
    }
}
