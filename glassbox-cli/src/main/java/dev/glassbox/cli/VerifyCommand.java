package dev.glassbox.cli;

import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.file.ModelFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        description = {"Run a compiled model on every input up to a length and compare each output with the RASP evaluator.",
                "Exhaustive up to 100,000 inputs, a seeded sample beyond. Exit status 0 only when every output matches."})
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL|PROGRAM",
            description = "a compiled model file, or a .rasp file / lib:NAME to compile and verify")
    String target;

    @Mixin CompileFlags flags;

    @Option(names = "--max-len", paramLabel = "N", description = "verify inputs of length 1..N (default: the model's max_seq_len)")
    Integer maxLen;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        boolean isProgram = target.startsWith(ProgramSource.LIBRARY_PREFIX) || target.endsWith(".rasp");
        CompiledModel model;
        ProgramSource program;
        if (isProgram) {
            program = ProgramSource.resolve(target);
            model = Compilation.compile(program, flags);
        } else {
            if (flags.vocab != null || flags.maxSeqLen != null || flags.compat != null || flags.causal) {
                throw new InvalidInputException("--vocab, --max-seq-len, --compat and --causal apply when verifying a program; "
                        + target + " is a compiled model, which already has them");
            }
            model = ModelFile.loadCompiled(Path.of(target));
            if (model.programSource() == null || model.programSource().isBlank()) {
                throw new InvalidInputException(target + " does not record the program it was compiled from; verify the program instead: "
                        + "glassbox verify FILE.rasp --vocab ... --max-seq-len N");
            }
            program = ProgramSource.fromStored(model.programSource(), target + " (stored program)");
        }
        int length = maxLen != null ? maxLen : model.input().maxSeqLen();
        VerificationResult result = Verifier.verify(model, program.programFor(model.input().maxSeqLen()), length);
        var out = spec.commandLine().getOut();
        VerificationResult.Counterexample first = result.firstCounterexample();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("program", program.name());
            o.put("mode", model.report().mode());
            o.put("causal", model.report().causal());
            o.put("max_len", length);
            o.put("exhaustive", result.exhaustive());
            o.put("checked", result.inputs());
            o.put("positions_checked", result.positionsChecked());
            o.put("mismatches", result.mismatches());
            o.put("dont_care_positions", result.dontCare());
            if (first != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("input", first.input());
                c.put("expected", first.expected());
                c.put("actual", first.actual());
                c.put("position", first.position());
                o.put("first_counterexample", c);
            } else {
                o.put("first_counterexample", null);
            }
            out.println(Json.write(o));
        } else {
            out.printf("%s (%s mode%s): checked %,d inputs of length 1..%d (%s), %,d positions%n", program.name(),
                    model.report().mode(), model.report().causal() ? ", causal" : "", result.inputs(), length,
                    result.exhaustive() ? "exhaustive" : "seeded sample", result.positionsChecked());
            if (result.dontCare() > 0) {
                out.printf("  %,d positions not compared (RASP gives None, which the original Tracr decodes arbitrarily, "
                        + "or the program raises)%n", result.dontCare());
            }
            out.printf("  mismatches: %,d%n", result.mismatches());
            if (first != null) {
                out.printf("  first counterexample: input [%s] at position %d: expected [%s], model gave [%s]%n",
                        join(first.input()), first.position(), join(first.expected()), join(first.actual()));
            }
        }
        return result.passed() ? 0 : 1;
    }

    private static String join(java.util.List<Object> values) {
        return values.stream().map(RunCommand::text).collect(Collectors.joining(" "));
    }
}
