package dev.glassbox.cli;

import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.file.ModelFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compile", description = "Compile a RASP program into transformer weights and print the model's shape.")
final class CompileCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "a .rasp file, or lib:NAME for a library program")
    String program;

    @Mixin CompileFlags flags;

    @Option(names = {"-o", "--output"}, paramLabel = "model.safetensors", description = "write the model here")
    Path output;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        ProgramSource source = ProgramSource.resolve(program);
        CompiledModel model = Compilation.compile(source, flags);
        if (output != null) ModelFile.saveCompiled(model, output);
        CompileReport report = model.report();
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("program", source.name());
            o.put("mode", report.mode());
            o.put("causal", report.causal());
            o.put("num_layers", report.numLayers());
            o.put("heads_per_layer", report.headsPerLayer());
            o.put("mlp_hidden_per_layer", report.mlpHiddenPerLayer());
            o.put("residual_dim", model.residualDim());
            o.put("residual_labels", model.residualLabels());
            o.put("vocab", model.input().vocab());
            o.put("max_seq_len", model.input().maxSeqLen());
            o.put("output", output == null ? null : output.toString());
            out.println(Json.write(o));
        } else {
            out.printf("%s (%s mode%s): %d layers, residual dimension %d%n", source.name(), report.mode(),
                    report.causal() ? ", causal" : "", report.numLayers(), model.residualDim());
            out.printf("  heads per layer:      %s%n", report.headsPerLayer());
            out.printf("  MLP hidden per layer: %s%n", report.mlpHiddenPerLayer());
            if (output != null) out.printf("  wrote %s%n", output);
        }
        return 0;
    }
}
