package dev.glassbox.cli;

import dev.glassbox.cli.figures.HtmlRenderer;
import dev.glassbox.cli.figures.PngRenderer;
import dev.glassbox.cli.figures.ResidualFigure;
import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.file.ModelFile;
import dev.glassbox.model.compiled.CompiledModelRunner;
import dev.glassbox.model.compiled.InputEncoding;
import dev.glassbox.model.hooks.Activation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "residual",
        description = "Draw the residual stream after every sublayer, with its labelled dimensions (PNG or HTML).")
final class ResidualCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a compiled model file (.safetensors)")
    Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "\"a b c\"", description = "input tokens separated by spaces")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.(png|html)", description = "where to draw it")
    Path output;

    @Override
    public Integer call() {
        String name = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".html")) {
            throw new InvalidInputException("-o " + output + ": the figure is written as .png or .html; choose one of those extensions");
        }
        CompiledModelRunner runner = new CompiledModelRunner(ModelFile.loadCompiled(modelFile));
        ResidualFigure figure = figure(runner, runner.canonicalInput(VocabularyOption.parseInput(input)), modelFile.getFileName().toString());
        write(figure, output);
        spec.commandLine().getOut().println("wrote " + output);
        return 0;
    }

    /** The residual stream of one run: the embedding, then after each attention and each MLP sublayer. */
    static ResidualFigure figure(CompiledModelRunner runner, List<Object> tokens, String modelName) {
        CompiledModel model = runner.model();
        CachedRun run = runner.runWithCache(tokens, n -> n.endsWith("hook_resid_pre") || n.endsWith("hook_resid_mid")
                || n.endsWith("hook_resid_post"));
        List<ResidualFigure.Panel> panels = new ArrayList<>();
        panels.add(new ResidualFigure.Panel("embeddings", rows(run.cache().get("blocks.0.hook_resid_pre"))));
        for (int layer = 0; layer < model.config().nLayers(); layer++) {
            panels.add(new ResidualFigure.Panel("layer " + layer + " attn", rows(run.cache().get(layer, "hook_resid_mid"))));
            panels.add(new ResidualFigure.Panel("layer " + layer + " mlp", rows(run.cache().get(layer, "hook_resid_post"))));
        }
        List<String> positions = new ArrayList<>();
        positions.add(InputEncoding.BOS);
        for (Object t : tokens) positions.add(InputEncoding.text(t));
        List<Object> decoded = runner.decode(run.logits());
        String title = modelName + ": [" + String.join(" ", positions.subList(1, positions.size())) + "] → ["
                + decoded.stream().map(RunCommand::text).collect(Collectors.joining(" ")) + "]";
        return new ResidualFigure(title, model.residualLabels(), positions, panels);
    }

    private static float[][] rows(Activation a) {
        int positions = a.dim(0), width = a.dim(1);
        float[][] out = new float[positions][width];
        for (int p = 0; p < positions; p++) System.arraycopy(a.data(), p * width, out[p], 0, width);
        return out;
    }

    static void write(ResidualFigure figure, Path output) {
        try {
            if (output.getParent() != null) Files.createDirectories(output.getParent());
            if (output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                PngRenderer.write(figure, output);
            } else {
                Files.writeString(output, HtmlRenderer.render(figure));
            }
        } catch (IOException e) {
            throw new GlassboxException("cannot write " + output + ": " + e.getMessage());
        }
    }
}
