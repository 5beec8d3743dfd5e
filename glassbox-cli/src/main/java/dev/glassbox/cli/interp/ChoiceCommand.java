package dev.glassbox.cli.interp;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.choice.AnswerAttribution;
import dev.glassbox.interp.choice.AnswerPatching;
import dev.glassbox.interp.choice.AnswerPatchingResult;
import dev.glassbox.interp.choice.ChoiceAnalysis;
import dev.glassbox.interp.choice.ChoiceFormat;
import dev.glassbox.interp.choice.ChoiceJson;
import dev.glassbox.interp.choice.ChoicePrompt;
import dev.glassbox.interp.choice.ChoiceReport;
import dev.glassbox.interp.choice.ChoiceResult;
import dev.glassbox.interp.choice.ChoiceScore;
import dev.glassbox.interp.choice.ChoiceScorer;
import dev.glassbox.interp.choice.LabelVariant;
import dev.glassbox.interp.choice.Mmlu;
import dev.glassbox.interp.choice.Question;
import dev.glassbox.interp.choice.RoleEffect;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.InterpModel;
import java.nio.file.Path;
import java.util.ArrayList;
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

@Command(name = "choice", mixinStandardHelpOptions = true,
        description = "Multiple-choice questions (MMLU's or a CSV of the same form): each question written out with"
                + " labelled options and 'Answer:', scored by the label tokens' logits at the answer position; the mean"
                + " direct logit attribution of the right label there, and with --patch, answer patching.")
final class ChoiceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;

    static final class Source {
        @Option(names = "--mmlu-subject", paramLabel = "NAME",
                description = "an MMLU subject, e.g. high_school_geography (repeatable), or 'all'") List<String> subjects;

        @Option(names = "--questions", paramLabel = "FILE.csv",
                description = "a CSV of MMLU's form: question, options..., answer letter") Path file;
    }

    @Option(names = "--mmlu-dir", paramLabel = "DIR", description = "MMLU's folder (dev/, val/, test/); default: shared/data/mmlu")
    Path mmluDir;

    @Option(names = "--split", defaultValue = "dev", paramLabel = "dev|val|test", description = "default: ${DEFAULT-VALUE}")
    String split;

    @Option(names = "--count", paramLabel = "N", description = "the first N questions of each subject (or of the file)")
    Integer count;

    @Option(names = "--variant", defaultValue = "plain", paramLabel = "plain|shuffled|random",
            description = "labels A-D in order, A-D permuted across the options, or other letters (default: ${DEFAULT-VALUE})")
    String variant;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "for shuffled and random labels (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|mmlu|tokens",
            description = "mmlu: 'question / A. option / ... / Answer:'; tokens: the same separated by spaces, for compiled"
                    + " models; auto picks by model (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--no-attribute", description = "skip the direct logit attribution") boolean noAttribute;

    @Option(names = "--patch", defaultValue = "0", paramLabel = "N",
            description = "answer patching on the first N scored questions (default: ${DEFAULT-VALUE}, none)")
    int patch;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        ChoiceFormat f = format.equals("auto") ? (m instanceof CompiledInterpModel ? ChoiceFormat.tokens() : ChoiceFormat.mmlu())
                : ChoiceFormat.parse(format);
        LabelVariant v = LabelVariant.parse(variant);
        if (count != null && count < 1) throw new InvalidInputException("--count " + count + " must be at least 1");
        if (patch < 0) throw new InvalidInputException("--patch " + patch + " must be 0 or more");
        List<Question> questions = questions();
        ChoiceScorer scorer = new ChoiceScorer(m, f, v, seed);
        ChoiceResult scores = scorer.score(questions);
        List<ChoicePrompt> scored = scores.scores().stream().map(ChoiceScore::prompt).toList();
        List<ComponentScore> dla = null;
        if (!noAttribute && !scored.isEmpty()) {
            List<Attribution> each = new ArrayList<>();
            for (ChoicePrompt p : scored) each.add(AnswerAttribution.of(m, p));
            dla = AnswerAttribution.mean(each);
        }
        AnswerPatchingResult patching = patch > 0 ? AnswerPatching.run(m, scored.subList(0, Math.min(patch, scored.size())), f) : null;
        ChoiceAnalysis a = new ChoiceAnalysis(scores, dla, dla == null ? 0 : scored.size(), patching);
        report.emit(spec.commandLine().getOut(), ChoiceJson.of(a), () -> ChoiceReport.render(a), () -> summary(a));
        return 0;
    }

    private List<Question> questions() {
        List<Question> out = new ArrayList<>();
        if (source.file != null) {
            out.addAll(first(Mmlu.readFile(source.file, source.file.getFileName().toString())));
            return out;
        }
        Mmlu mmlu = new Mmlu(mmluDir != null ? mmluDir : SharedFiles.require("data/mmlu"));
        Mmlu.checkSplit(split);
        List<String> subjects = source.subjects.contains("all") ? mmlu.subjects(split) : source.subjects;
        for (String s : subjects) out.addAll(first(mmlu.questions(s, split)));
        return out;
    }

    private List<Question> first(List<Question> qs) {
        return count == null ? qs : qs.subList(0, Math.min(count, qs.size()));
    }

    private static String summary(ChoiceAnalysis a) {
        ChoiceResult r = a.scores();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d questions (%s labels, %s format): accuracy %.4f, chance %.4f, always the most frequent answer position %.4f%n",
                r.scores().size(), r.variant().label(), r.format(), r.accuracy(), r.chance(), r.bestConstantPosition()));
        s.append("  predicted option positions (1 = first): ");
        r.predictedPositions().forEach((p, n) -> s.append(p + 1).append(": ").append(n).append("  "));
        s.append(String.format(Locale.ROOT, "%n  probability on the labels (whole vocabulary): %.4g%n", r.meanLabelMass()));
        if (!r.skipped().isEmpty()) s.append("  skipped ").append(r.skipped().size()).append(" (longer than the context)\n");
        if (a.attribution() != null) {
            s.append("  DLA, right label - mean of the others, largest |mean|:");
            a.attribution().stream().sorted(Comparator.comparingDouble(c -> -Math.abs(c.dla()))).limit(6)
                    .forEach(c -> s.append(String.format(Locale.ROOT, " %s %.4f;", c.component(), c.dla())));
            s.append('\n');
        }
        if (a.patching() != null) {
            AnswerPatchingResult p = a.patching();
            s.append(String.format(Locale.ROOT, "  answer patching over %d questions (clean %.4f, corrupt %.4f), largest effects:",
                    p.questions(), p.meanClean(), p.meanCorrupt()));
            p.effects().stream().sorted(Comparator.comparingDouble((RoleEffect e) -> -Math.abs(e.effect()))).limit(6)
                    .forEach(e -> s.append(String.format(Locale.ROOT, " %s @%s %.4f;", e.component(), e.role(), e.effect())));
            s.append('\n');
            if (!p.separates()) s.append("  (the model does not answer both prompts right: the normalised effects are noise)\n");
        }
        return s.toString();
    }
}
