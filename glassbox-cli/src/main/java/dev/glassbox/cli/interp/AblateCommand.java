package dev.glassbox.cli.interp;

import dev.glassbox.interp.ablation.Ablation;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.ablation.AblationOutcome;
import dev.glassbox.interp.ablation.AblationResult;
import dev.glassbox.interp.ablation.Ablator;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.report.AblationReport;
import dev.glassbox.interp.report.JsonForms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Ablate components (zero, mean over --reference prompts, or resampled from them) and measure the"
                + " logit of the answer at a position.")
final class AblateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--input", required = true, paramLabel = "TEXT") String input;
    @Option(names = "--position", paramLabel = "P", description = "where the metric is read (default: the last position)")
    Integer position;
    @Option(names = "--target", paramLabel = "T", description = "the output whose logit is measured (default: the answer at P)")
    String target;
    @Option(names = "--minus", paramLabel = "B", description = "measure logit[T] - logit[B] instead") String minus;

    @Option(names = "--component", paramLabel = "C",
            description = "what to ablate (repeatable): embed, pos_embed, blocks.L, blocks.L.attn, blocks.L.attn.head.H,"
                    + " blocks.L.mlp, blocks.L.mlp.neuron.N; default: every sublayer and every head, one at a time")
    List<String> components;

    @Option(names = "--at", paramLabel = "P", description = "ablate at this position only (default: every position)")
    Integer at;

    @Option(names = "--token-at", paramLabel = "P", description = "ablate the token at P (its embeddings) instead of components")
    Integer tokenAt;

    @Option(names = "--kind", defaultValue = "zero", paramLabel = "zero|mean|resample", description = "default: ${DEFAULT-VALUE}")
    String kind;

    @Option(names = "--reference", paramLabel = "TEXT", description = "a prompt to average over or resample from (repeatable)")
    List<String> references;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        Prompt prompt = m.prompt(input);
        AblationKind k = AblationKind.parse(kind);
        if (at != null) PositionOutOfRangeException.check("--at", at, prompt.length());
        List<Ablation> ablations = new ArrayList<>();
        if (tokenAt != null) {
            ablations.add(Ablation.position(PositionOutOfRangeException.check("--token-at", tokenAt, prompt.length()), k));
        } else if (components != null) {
            for (String c : components) ablations.add(Ablation.of(m.components().parse(c), at, k));
        } else {
            for (PatchGranularity g : List.of(PatchGranularity.COMPONENT, PatchGranularity.HEAD)) {
                for (PatchTarget t : g.targets(m.transformer().config(), prompt.length())) {
                    Component c = t.component();
                    ablations.add(Ablation.of(c, at, k));
                }
            }
        }
        List<Prompt> refs = references == null ? List.of() : references.stream().map(m::prompt).toList();
        Ablator ablator = new Ablator(m, prompt, Predictions.answerLogit(m, Targets.position(position, prompt),
                Targets.output(m, target), Targets.output(m, minus)), refs);
        AblationResult r = ablator.run(ablations);
        report.emit(spec.commandLine().getOut(), JsonForms.ablation(r), () -> AblationReport.render(m.name(), r),
                () -> summary(r));
        return 0;
    }

    private static String summary(AblationResult r) {
        StringBuilder s = new StringBuilder(r.metric() + ": " + PatchCommand.fmt(r.baselineMetric()) + " unablated (answer "
                + r.baselinePrediction() + ")\n");
        for (AblationOutcome o : r.outcomes()) {
            s.append(String.format(java.util.Locale.ROOT, "  %-28s %-5s %-8s %10.4f  answer %s%n", o.component(),
                    o.position() == null ? "all" : o.position(), o.kind().label(), o.change(), o.prediction()));
        }
        return s.toString();
    }
}
