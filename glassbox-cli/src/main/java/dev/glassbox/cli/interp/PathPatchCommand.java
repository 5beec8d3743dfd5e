package dev.glassbox.cli.interp;

import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.patching.PathPatching;
import dev.glassbox.interp.patching.Receiver;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.interp.report.PatchingReport;
import dev.glassbox.model.TransformerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "path-patch", mixinStandardHelpOptions = true,
        description = "Path patching: each sender's effect through one receiver only (every other head and MLP frozen)."
                + " Same JSON as 'patch', one effect per sender.")
final class PathPatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--clean", required = true, paramLabel = "TEXT") String clean;
    @Option(names = "--corrupt", required = true, paramLabel = "TEXT") String corrupt;
    @Option(names = "--position", paramLabel = "P", description = "where the metric is read") Integer position;
    @Option(names = "--direction", defaultValue = "denoising", paramLabel = "denoising|noising") String direction;

    @Option(names = "--receiver", required = true, paramLabel = "R",
            description = "logits, blocks.L.mlp, or blocks.L.attn.head.H.q|k|v")
    String receiver;

    @Option(names = "--sender", paramLabel = "C",
            description = "a component (repeatable); default: every embedding, head and MLP before the receiver")
    List<String> senders;

    @Option(names = "--free-mlps", description = "let MLPs recompute instead of freezing them (paths through MLPs count)")
    boolean freeMlps;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        TransformerConfig c = m.transformer().config();
        Receiver r = Receiver.parse(receiver, c);
        List<Component> from = senders == null ? before(r, c) : senders.stream().map(s -> m.components().parse(s)).toList();
        PatchingProblem problem = new PatchingProblem(m, m.prompt(clean), m.prompt(corrupt),
                Predictions.cleanVersusCorrupt(m, position), Direction.parse(direction));
        PatchingResult result = PathPatching.run(problem, from, r, !freeMlps);
        report.emit(spec.commandLine().getOut(), JsonForms.patching(result),
                () -> PatchingReport.render(m.name(), List.of(result)), () -> PatchCommand.summary(result));
        return 0;
    }

    /** The embeddings, heads and MLPs whose output the receiver reads. */
    static List<Component> before(Receiver r, TransformerConfig c) {
        int reads = switch (r) {
            case Receiver.HeadInput h -> 2 * h.layer();
            case Receiver.MlpInput mlp -> 2 * mlp.layer() + 1;
            case Receiver.Logits l -> 2 * c.nLayers();
        };
        List<Component> out = new ArrayList<>(List.of(Component.embed(), Component.posEmbed()));
        for (int l = 0; 2 * l < reads; l++) {
            for (int h = 0; h < c.nHeads(); h++) out.add(Component.head(l, h));
            if (2 * l + 1 < reads) out.add(Component.mlp(l));
        }
        return out;
    }
}
