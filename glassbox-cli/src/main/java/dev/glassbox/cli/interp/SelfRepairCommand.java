package dev.glassbox.cli.interp;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.selfrepair.LineFit;
import dev.glassbox.interp.selfrepair.Part;
import dev.glassbox.interp.selfrepair.PromptFile;
import dev.glassbox.interp.selfrepair.RepairSummary;
import dev.glassbox.interp.selfrepair.SelfRepair;
import dev.glassbox.interp.selfrepair.SelfRepairJson;
import dev.glassbox.interp.selfrepair.SelfRepairOptions;
import dev.glassbox.interp.selfrepair.SelfRepairReport;
import dev.glassbox.interp.selfrepair.SelfRepairResult;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "self-repair", mixinStandardHelpOptions = true,
        description = "Self-repair (the Hydra effect): for every head, attention sublayer and MLP, its direct effect on"
                + " the clean answer's centred logit against its total effect when ablated, and how much each later"
                + " attention sublayer and MLP makes up. The final norm's scale is frozen from the clean run unless"
                + " --scale recomputed.")
final class SelfRepairCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;

    static final class Source {
        @Option(names = "--prompt", paramLabel = "TEXT", description = "a prompt (repeatable)") List<String> prompts;

        @Option(names = "--prompts", paramLabel = "FILE",
                description = "a prompt set: one prompt per line, # comments, notes after a tab (e.g. examples/prompts/stories260k-confident.txt)")
        Path file;
    }

    @Option(names = "--limit", paramLabel = "N", description = "use the first N prompts only") Integer limit;

    @Option(names = "--reference", paramLabel = "TEXT",
            description = "a prompt to resample from or average over (repeatable); default: the other prompts of the same token length")
    List<String> references;

    @Option(names = "--ablation", defaultValue = "resample", paramLabel = "resample|zero|mean", description = "default: ${DEFAULT-VALUE}")
    String ablation;

    @Option(names = "--samples", defaultValue = "3", paramLabel = "N", description = "resample sources per prompt (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--scale", defaultValue = "frozen", paramLabel = "frozen|recomputed",
            description = "the final norm's scale when reading direct effects: frozen from the clean run (McGrath et al.) or"
                    + " recomputed in every run (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--position", paramLabel = "P", description = "where the answer is read (default: each prompt's last position)")
    Integer position;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        List<String> texts = source.file != null ? PromptFile.read(source.file) : source.prompts;
        if (limit != null) {
            if (limit < 1) throw new InvalidInputException("--limit " + limit + " must be at least 1");
            texts = texts.subList(0, Math.min(limit, texts.size()));
        }
        List<Prompt> prompts = texts.stream().map(m::prompt).toList();
        List<Prompt> refs = references == null ? List.of() : references.stream().map(m::prompt).toList();
        SelfRepairOptions options = new SelfRepairOptions(AblationKind.parse(ablation), NormScale.parse(scale), samples, position);
        SelfRepairResult r = SelfRepair.run(m, prompts, refs, options);
        report.emit(spec.commandLine().getOut(), SelfRepairJson.of(r), () -> SelfRepairReport.render(r), () -> summary(r));
        return 0;
    }

    private static String summary(SelfRepairResult r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "self-repair over %d prompt(s), %s ablation, final-norm scale %s; effects = clean - ablated, centred logit%n",
                r.prompts().size(), r.options().ablation().label(), r.options().scale().label()));
        s.append(String.format(Locale.ROOT, "  %-24s %9s %9s %9s %9s %9s%n", "part (largest |direct|)", "direct", "total",
                "attention", "mlp", "remainder"));
        r.summaries().stream().sorted(Comparator.comparingDouble(x -> -x.meanAbsDirect())).limit(15)
                .forEach(x -> s.append(row(x)));
        if (r.heads()) {
            s.append("  heads, total vs direct per layer:");
            for (int l = 0; l < r.layers(); l++) {
                LineFit f = r.fit(Part.Kind.HEAD, l);
                s.append(String.format(Locale.ROOT, " L%d slope %.3f R² %.3f;", l, f.slope(), f.r2()));
            }
            s.append('\n');
        }
        return s.append(r.forwardPasses()).append(" forward passes\n").toString();
    }

    private static String row(RepairSummary x) {
        return String.format(Locale.ROOT, "  %-24s %9.4f %9.4f %9.4f %9.4f %9.4f%n", x.part().name(), x.direct(), x.total(),
                x.attention(), x.mlp(), x.remainder());
    }
}
