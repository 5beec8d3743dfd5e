package dev.glassbox.cli;

import static dev.glassbox.cli.figures.HtmlRenderer.escape;

import dev.glassbox.cli.figures.HtmlRenderer;
import dev.glassbox.cli.figures.ResidualFigure;
import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.RaspCompiler;
import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.core.GlassboxException;
import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.CompiledModelRunner;
import dev.glassbox.model.file.ModelFile;
import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"The whole pipeline on a built-in program: compile it, run it on an example, verify it on every",
                "input against the RASP evaluator, and write a report with the model file and its residual stream."})
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--program", paramLabel = "NAME", defaultValue = "reverse",
            description = "library program to demonstrate (default: ${DEFAULT-VALUE})")
    String programName;

    @Option(names = "--input", paramLabel = "\"a b c\"", description = "example input (default: one made from the vocabulary)")
    String input;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "glassbox-demo", description = "report folder (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LibraryProgram program = Library.get(programName);
        List<Object> vocab = program.vocab();
        String vocabText = vocab.stream().map(RunCommand::text).collect(Collectors.joining(","));

        out.printf("1. Compile lib:%s (%s) for vocabulary {%s}, inputs up to %d tokens%n", program.name(), program.description(),
                vocabText, program.maxSeqLen());
        CompileOptions options = CompileOptions.of(vocab, program.maxSeqLen());
        SOp sop = program.build();
        CompiledModel model = RaspCompiler.compile(sop, options).withProgramSource("lib:" + program.name());
        CompiledModel original = RaspCompiler.compile(sop, options.withMode(CompileOptions.Mode.TRACR_COMPAT));
        out.printf("   %d layers, residual dimension %d (the original Tracr: %d layers, %d)%n", model.report().numLayers(),
                model.residualDim(), original.report().numLayers(), original.residualDim());

        CompiledModelRunner runner = new CompiledModelRunner(model);
        List<Object> example = input != null ? runner.canonicalInput(VocabularyOption.parseInput(input)) : exampleInput(vocab, program.maxSeqLen());
        List<Object> actual = runner.run(example);
        List<Object> expected = Evaluator.standard().evaluate(sop, example);
        out.printf("2. Run on [%s]: the model outputs [%s]; the RASP evaluator says [%s]%n", join(example), join(actual), join(expected));

        VerificationResult result = Verifier.verify(model, sop, program.maxSeqLen());
        out.printf("3. Verify every input up to length %d: %,d inputs, %,d positions, %,d mismatches%n", program.maxSeqLen(),
                result.inputs(), result.positionsChecked(), result.mismatches());

        ResidualFigure figure = ResidualCommand.figure(runner, example, program.name());
        Path modelFile = outDir.resolve(program.name() + ".safetensors");
        Path png = outDir.resolve("residual.png");
        Path report = outDir.resolve("report.html");
        try {
            Files.createDirectories(outDir);
            ModelFile.saveCompiled(model, modelFile);
            ResidualCommand.write(figure, png);
            Files.writeString(report, report(program, model, original, example, actual, expected, result, figure));
        } catch (IOException e) {
            throw new GlassboxException("cannot write the demo report to " + outDir + ": " + e.getMessage());
        }
        out.printf("4. Wrote %s (open it in a browser), with %s and %s%n", report, modelFile, png);
        out.printf("   Next: ./glassbox run %s --input \"%s\"%n", modelFile, join(example));
        return result.passed() ? 0 : 1;
    }

    /** An input of maximal length cycling through the vocabulary backwards, so most programs do something visible. */
    static List<Object> exampleInput(List<Object> vocab, int maxSeqLen) {
        int n = Math.min(maxSeqLen, Math.max(3, vocab.size()));
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) out.add(vocab.get((vocab.size() - 1 - i % vocab.size() + vocab.size()) % vocab.size()));
        if (n > 2) out.set(n - 1, vocab.getFirst());
        return out;
    }

    private static String join(List<Object> values) {
        return values.stream().map(RunCommand::text).collect(Collectors.joining(" "));
    }

    private static String report(LibraryProgram program, CompiledModel model, CompiledModel original, List<Object> example,
            List<Object> actual, List<Object> expected, VerificationResult result, ResidualFigure figure) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Glassbox demo: ").append(escape(program.name()))
                .append("</title><style>").append(HtmlRenderer.STYLE).append("</style></head><body>\n");
        html.append("<h1>Glassbox demo: <code>").append(escape(program.name())).append("</code></h1>\n<p>")
                .append(escape(program.description())).append(". A RASP program compiled into the weights of a transformer, run on ")
                .append("Glassbox's forward pass, and checked against the RASP evaluator.</p>\n");
        html.append("<h2>Shape</h2>\n<table><tr><th></th><th>layers</th><th>heads per layer</th><th>MLP hidden per layer</th>")
                .append("<th>residual dimension</th></tr>\n");
        shapeRow(html, "Glassbox (default mode)", model);
        shapeRow(html, "original Tracr (--compat tracr)", original);
        html.append("</table>\n<h2>Where each step of the program is computed</h2>\n<table><tr><th>expression</th><th>kind</th>")
                .append("<th>encoding</th><th>sublayer</th></tr>\n");
        for (CompileReport.Placement p : model.report().placements()) {
            html.append("<tr><td><code>").append(escape(p.label())).append("</code></td><td>").append(escape(p.kind()))
                    .append("</td><td>").append(escape(p.encoding())).append("</td><td>").append(sublayer(p.sublayer()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Run</h2>\n<p>Input <code>[").append(escape(join(example))).append("]</code>: the model outputs <code>[")
                .append(escape(join(actual))).append("]</code>, the RASP evaluator <code>[").append(escape(join(expected)))
                .append("]</code>.</p>\n");
        html.append("<h2>Verification</h2>\n<p>").append(String.format("%,d", result.inputs())).append(" inputs (")
                .append(result.exhaustive() ? "every input" : "a seeded sample").append(" up to length ")
                .append(program.maxSeqLen()).append("), ").append(String.format("%,d", result.positionsChecked()))
                .append(" positions compared: <b>").append(result.mismatches()).append(" mismatches</b>.</p>\n");
        html.append("<h2>Residual stream</h2>\n").append(HtmlRenderer.caption(figure)).append(HtmlRenderer.svg(figure));
        html.append("</body></html>\n");
        return html.toString();
    }

    /** 2L is layer L's attention, 2L+1 its MLP; -1 an S-Op read as a linear view of others, with no block. */
    static String sublayer(int sublayer) {
        if (sublayer < 0) return "no block: a linear view of its inputs";
        return "layer " + sublayer / 2 + (sublayer % 2 == 0 ? " attention" : " MLP");
    }

    private static void shapeRow(StringBuilder html, String name, CompiledModel m) {
        html.append("<tr><td>").append(escape(name)).append("</td><td>").append(m.report().numLayers()).append("</td><td>")
                .append(m.report().headsPerLayer()).append("</td><td>").append(m.report().mlpHiddenPerLayer()).append("</td><td>")
                .append(m.residualDim()).append("</td></tr>\n");
    }
}
