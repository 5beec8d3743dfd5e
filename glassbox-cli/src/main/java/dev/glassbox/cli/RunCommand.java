package dev.glassbox.cli;

import dev.glassbox.model.file.ModelFile;
import dev.glassbox.model.compiled.CompiledModelRunner;
import dev.glassbox.model.compiled.InputEncoding;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = "Run a compiled model on one input and print its decoded output (BOS is added for you).")
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a compiled model file (.safetensors)")
    Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "\"a b c\"", description = "input tokens separated by spaces")
    String input;

    @Option(names = "--json", description = "print {\"input\": [...], \"output\": [...]}")
    boolean json;

    @Override
    public Integer call() {
        CompiledModelRunner runner = new CompiledModelRunner(ModelFile.loadCompiled(modelFile));
        List<Object> tokens = runner.canonicalInput(VocabularyOption.parseInput(input));
        List<Object> output = runner.run(tokens);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("input", tokens);
            o.put("output", output);
            out.println(Json.write(o));
        } else {
            out.println(output.stream().map(RunCommand::text).collect(Collectors.joining(" ")));
        }
        return 0;
    }

    /** A value as a person reads it: None for RASP's no-value, Python's spelling of booleans. */
    static String text(Object value) {
        if (value == null) return "None";
        if (value instanceof Double d) return ValueText.number(d);
        return InputEncoding.text(value);
    }
}
