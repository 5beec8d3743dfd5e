package dev.glassbox.interp.choice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.report.BarChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * MMLU's dev split (57 subjects x 5) put to stories260K, for docs/stories260k-study.md: skipped unless run with
 * -Dglassbox.study=ROOT. Prints Markdown and writes target/stories260k-choice.md and docs/figures/.
 */
class Stories260KChoiceStudy {
    @Test
    void study() throws Exception {
        String root = System.getProperty("glassbox.study");
        assumeTrue(root != null, "the stories260K study: -Dglassbox.study=REPOSITORY_ROOT");
        InterpModel model = InterpModels.load(SharedFiles.require("models/stories260K/stories260K.bin"),
                SharedFiles.require("models/stories260K/tok512.bin"));
        Mmlu mmlu = new Mmlu(SharedFiles.require("data/mmlu"));
        List<Question> questions = new ArrayList<>();
        for (String s : mmlu.subjects("dev")) questions.addAll(mmlu.questions(s, "dev"));
        StringBuilder md = new StringBuilder();
        md.append("| labels | scored | skipped | accuracy | chance | most frequent answer position | predicted positions 1-4 |"
                + " right positions 1-4 | predicted labels | probability on the labels | seconds |\n|---|---:|---:|---:|---:|---:|---|---|---|---:|---:|\n");
        ChoiceResult plain = null;
        for (LabelVariant v : LabelVariant.values()) {
            long t0 = System.nanoTime();
            ChoiceResult r = new ChoiceScorer(model, ChoiceFormat.mmlu(), v, 1).score(questions);
            double s = (System.nanoTime() - t0) / 1e9;
            if (v == LabelVariant.PLAIN) plain = r;
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %s | %s | %s | %.2g | %.1f |%n", v.label(),
                    r.scores().size(), r.skipped().size(), r.accuracy(), r.chance(), r.bestConstantPosition(),
                    counts(r.predictedPositions()), counts(r.answerPositions()), r.predictedLabels(), r.meanLabelMass(), s));
        }
        List<ChoicePrompt> prompts = plain.scores().stream().map(ChoiceScore::prompt).toList();
        List<Attribution> each = new ArrayList<>();
        long t0 = System.nanoTime();
        for (ChoicePrompt p : prompts) each.add(AnswerAttribution.of(model, p));
        List<ComponentScore> dla = AnswerAttribution.mean(each);
        md.append(String.format(Locale.ROOT, "%nDLA over %d questions (%.1f s); mean logit[right] - mean logit[others] %.4f;"
                + " largest |mean|:%n%n| component | mean DLA |%n|---|---:|%n", each.size(), (System.nanoTime() - t0) / 1e9,
                each.stream().mapToDouble(Attribution::logit).average().orElseThrow()));
        List<ComponentScore> top = dla.stream().sorted(Comparator.comparingDouble(c -> -Math.abs(c.dla()))).limit(8).toList();
        for (ComponentScore c : top) md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", c.component(), c.dla()));
        Files.writeString(Files.createDirectories(Path.of(root, "docs/figures")).resolve("stories260k-mmlu-dla.svg"),
                new BarChart("MMLU dev, stories260K: mean DLA of logit[right label] - mean of the others",
                        top.stream().map(ComponentScore::component).toList(), top.stream().mapToDouble(ComponentScore::dla).toArray()).svg());
        t0 = System.nanoTime();
        AnswerPatchingResult p = AnswerPatching.run(model, prompts.subList(0, 20), ChoiceFormat.mmlu());
        md.append(String.format(Locale.ROOT, "%npatching: %d questions (%d skipped), %d forward passes, %.1f s; mean clean %.4f,"
                + " mean corrupt %.4f; largest effects:%n%n| component | position | effect |%n|---|---|---:|%n", p.questions(),
                p.skipped().size(), p.forwardPasses(), (System.nanoTime() - t0) / 1e9, p.meanClean(), p.meanCorrupt()));
        p.effects().stream().sorted(Comparator.comparingDouble((RoleEffect e) -> -Math.abs(e.effect()))).limit(10)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %s | %.3f |%n", e.component(), e.role(), e.effect())));
        Files.writeString(Path.of("target/stories260k-choice.md"), md);
        System.out.println(md);
    }

    private static String counts(java.util.Map<Integer, Long> byPosition) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < 4; p++) out.add(String.valueOf(byPosition.getOrDefault(p, 0L)));
        return String.join(" / ", out);
    }
}
