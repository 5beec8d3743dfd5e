package dev.glassbox.interp.selfrepair;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.report.Heatmap;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.LanguageModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stories260K study behind docs/stories260k-study.md: skipped unless run with -Dglassbox.study=ROOT
 * (the repository root, where examples/ and docs/ are written). With -Dglassbox.study.prompts=write it first
 * rebuilds the shipped prompt set and swap pairs; otherwise it reads them. Writes the figures to
 * docs/figures/ and the numbers, as Markdown, to glassbox-interp/target/stories260k-study.md.
 * <pre>
 * mvn -q -o -pl glassbox-interp -am test -Dtest=Stories260KStudy -Dsurefire.failIfNoSpecifiedTests=false -Dglassbox.study=$PWD
 * </pre>
 */
class Stories260KStudy {
    static final String PROMPTS = "examples/prompts/stories260k-confident.txt";
    static final String SWAPS = "examples/prompts/stories260k-swaps.txt";

    final StringBuilder md = new StringBuilder();

    @Test
    void study() throws IOException {
        String root = System.getProperty("glassbox.study");
        assumeTrue(root != null, "the stories260K study: -Dglassbox.study=REPOSITORY_ROOT");
        Path repo = Path.of(root);
        Path bin = SharedFiles.require("models/stories260K/stories260K.bin"), tok = SharedFiles.require("models/stories260K/tok512.bin");
        if ("write".equals(System.getProperty("glassbox.study.prompts"))) writePromptSets(repo, LanguageModelFiles.load(bin, tok));
        InterpModel model = InterpModels.load(bin, tok);
        List<Prompt> prompts = PromptFile.read(repo.resolve(PROMPTS)).stream().map(model::prompt).toList();
        Path figures = Files.createDirectories(repo.resolve("docs/figures"));

        long t0 = System.nanoTime();
        SelfRepairResult frozen = SelfRepair.run(model, prompts, SelfRepairOptions.defaults());
        double seconds = (System.nanoTime() - t0) / 1e9;
        md.append(String.format(Locale.ROOT, "self-repair: %d prompts, %d forward passes, %.1f s%n%n", prompts.size(),
                frozen.forwardPasses(), seconds));
        Files.writeString(figures.resolve("stories260k-selfrepair-heads.svg"), SelfRepairFigures.headScatter(frozen));
        Files.writeString(figures.resolve("stories260k-selfrepair-sublayers.svg"), SelfRepairFigures.sublayerScatter(frozen));
        Files.writeString(figures.resolve("stories260k-selfrepair-layer-matrix.svg"), untitled(SelfRepairFigures.layerMatrix(frozen)));
        Files.writeString(figures.resolve("stories260k-selfrepair-head-matrix.svg"), untitled(SelfRepairFigures.headMatrix(frozen)));
        fits("resample, scale frozen", frozen);
        summaries(frozen);
        largest(frozen);
        matrix(frozen);
        SelfRepairResult recomputed = SelfRepair.run(model, prompts, SelfRepairOptions.defaults().withScale(NormScale.RECOMPUTED));
        fits("resample, scale recomputed", recomputed);
        summaries(recomputed);
        SelfRepairResult zero = SelfRepair.run(model, prompts, SelfRepairOptions.defaults()
                .withAblation(dev.glassbox.interp.ablation.AblationKind.ZERO));
        fits("zero, scale frozen", zero);
        summaries(zero);

        patching(model, repo, figures);
        Path out = Path.of("target/stories260k-study.md");
        Files.writeString(out, md);
        System.out.println(md);
    }

    private void writePromptSets(Path repo, LanguageModel lm) throws IOException {
        ConfidentPrompts.Settings s = ConfidentPrompts.Settings.stories260k();
        List<ConfidentPrompts.ConfidentPrompt> set = ConfidentPrompts.build(lm, s);
        StringBuilder f = new StringBuilder();
        f.append("# stories260K: ").append(set.size()).append(" prompts of ").append(s.tokens())
                .append(" tokens (BOS included) on which the model's most likely next token has probability >= ")
                .append(s.minProbability()).append(".\n");
        f.append("# Built by dev.glassbox.interp.selfrepair.ConfidentPrompts with Settings.stories260k(): sentence starts of")
                .append(" stories sampled from BOS (temperature ").append(s.temperature()).append(", top-p ").append(s.topP())
                .append(", ").append(s.storyTokens()).append(" steps, seeds ").append(s.seed()).append("..").append(set.getLast().story())
                .append(").\n# Regenerate: see docs/stories260k-study.md. Columns: prompt, next token (its piece), its probability.\n");
        for (ConfidentPrompts.ConfidentPrompt p : set) {
            f.append(p.text()).append('\t').append(p.next()).append('\t')
                    .append(String.format(Locale.ROOT, "%.3f", p.probability())).append('\n');
        }
        Files.createDirectories(repo.resolve(PROMPTS).getParent());
        Files.writeString(repo.resolve(PROMPTS), f);
        List<SwapPairs.Pair> pairs = SwapPairs.build(lm, set.stream().map(ConfidentPrompts.ConfidentPrompt::text).toList(),
                SwapPairs.GENDER);
        StringBuilder g = new StringBuilder();
        g.append("# stories260K: ").append(pairs.size()).append(" clean/corrupt pairs from ").append(PROMPTS)
                .append(", one token swapped (SwapPairs.GENDER: Lily/Tim, She/He, she/he, her/his) where the answer changes.\n")
                .append("# Columns: clean, corrupt, swapped position (BOS = 0), clean answer, corrupt answer.\n");
        for (SwapPairs.Pair p : pairs) {
            g.append(p.clean()).append('\t').append(p.corrupt()).append('\t').append(p.position()).append('\t')
                    .append(p.cleanAnswer()).append('\t').append(p.corruptAnswer()).append('\n');
        }
        Files.writeString(repo.resolve(SWAPS), g);
    }

    private void fits(String title, SelfRepairResult r) {
        md.append("fits (").append(title).append("):\n\n| parts | layer | points | slope | intercept | R² |\n|---|---|---:|---:|---:|---:|\n");
        for (List<String> row : SelfRepairReport.fitRows(r)) md.append("| ").append(String.join(" | ", row)).append(" |\n");
        md.append('\n');
    }

    private void summaries(SelfRepairResult r) {
        md.append("| part | direct | total | attention | MLP | remainder | mean abs direct |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (RepairSummary s : r.summaries()) {
            if (s.part().kind() == Part.Kind.HEAD && s.meanAbsDirect() < 0.3) continue;
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", s.part().name(),
                    s.direct(), s.total(), s.attention(), s.mlp(), s.remainder(), s.meanAbsDirect()));
        }
        md.append('\n');
    }

    /**
     * Per layer, the (prompt, head) cases whose direct effect is in the top tenth of that layer's: their summed
     * direct and total effects and how the difference splits (attention, MLP, the norm's remainder).
     */
    private void largest(SelfRepairResult r) {
        md.append("heads with the largest direct effects (top 10% per layer, summed):\n\n| layer | cases | direct | total | total/direct"
                + " | attention | MLP | remainder |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int l = 0; l < r.layers(); l++) {
            List<ComponentRepair> cases = new ArrayList<>();
            for (PromptRepair p : r.prompts()) {
                for (ComponentRepair c : p.components()) if (c.part().kind() == Part.Kind.HEAD && c.part().layer() == l) cases.add(c);
            }
            cases.sort(java.util.Comparator.comparingDouble(c -> -c.direct()));
            List<ComponentRepair> top = cases.subList(0, cases.size() / 10);
            double d = 0, t = 0, a = 0, m = 0, rem = 0;
            for (ComponentRepair c : top) {
                d += c.direct();
                t += c.total();
                a += c.attention();
                m += c.mlp();
                rem += c.remainder();
            }
            md.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.3f | %.2f | %.2f | %.2f |%n", l, top.size(), d, t, t / d, a, m, rem));
        }
        md.append('\n');
    }

    /** Tooltips dropped: the docs' copies of large heatmaps stay small. */
    private static String untitled(String svg) {
        return svg.replaceAll("<title>[^<]*</title>", "");
    }

    private void matrix(SelfRepairResult r) {
        List<Part> parts = r.sublayers();
        double[][] m = r.matrix(parts, parts);
        md.append("layer matrix (row ablated, column change of direct effect):\n\n| ablated |");
        parts.forEach(p -> md.append(' ').append(p.name().replace("blocks.", "")).append(" |"));
        md.append("\n|---|").append("---:|".repeat(parts.size())).append('\n');
        for (int i = 0; i < parts.size(); i++) {
            md.append("| ").append(parts.get(i).name().replace("blocks.", "")).append(" |");
            for (double v : m[i]) md.append(String.format(Locale.ROOT, " %.3f |", v));
            md.append('\n');
        }
        md.append('\n');
    }

    /** A layer x position sweep per pair; one pair's heatmap; effects at the swapped and the last position. */
    private void patching(InterpModel model, Path repo, Path figures) throws IOException {
        List<List<String>> pairs = PromptFile.entries(repo.resolve(SWAPS));
        Map<String, double[]> atSwap = new LinkedHashMap<>(), atLast = new LinkedHashMap<>(), elsewhere = new LinkedHashMap<>();
        int passes = 0, cells = 0;
        long t0 = System.nanoTime();
        PatchingResult shown = null;
        for (List<String> pair : pairs) {
            Prompt clean = model.prompt(pair.get(0)), corrupt = model.prompt(pair.get(1));
            int swap = Integer.parseInt(pair.get(2)), last = clean.length() - 1;
            PatchingResult r = new ActivationPatching().sweep(new PatchingProblem(model, clean, corrupt,
                    Predictions.cleanVersusCorrupt(model, last), Direction.DENOISING), PatchGranularity.LAYER_POSITION);
            passes += r.forwardPasses();
            cells += r.effects().size();
            if (shown == null) shown = r;
            for (PatchEffect e : r.effects()) {
                Map<String, double[]> into = e.position() == swap ? atSwap : e.position() == last ? atLast : elsewhere;
                into.computeIfAbsent(e.component(), k -> new double[2]);
                into.get(e.component())[0] += e.effect() / pairs.size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        md.append(String.format(Locale.ROOT, "patching: %d pairs, %d cells, %d forward passes, %.1f s%n%n", pairs.size(), cells,
                passes, seconds));
        md.append("| component | at the swapped token | at the last token | summed over the other positions |\n|---|---:|---:|---:|\n");
        for (String c : atLast.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", c, atSwap.get(c)[0], atLast.get(c)[0],
                    elsewhere.containsKey(c) ? elsewhere.get(c)[0] : 0));
        }
        md.append("\nshown: ").append(String.join("", shown.cleanTokens().subList(1, shown.cleanTokens().size()))).append(" / ")
                .append(String.join("", shown.corruptTokens().subList(1, shown.corruptTokens().size())))
                .append(" — ").append(shown.metric()).append("\n\n");
        Files.writeString(figures.resolve("stories260k-patching-layer-position.svg"), untitled(heatmap(shown).svg()));
    }

    private static Heatmap heatmap(PatchingResult r) {
        List<String> rows = new ArrayList<>(new LinkedHashSet<>(r.effects().stream().map(PatchEffect::component).toList()));
        List<String> columns = new ArrayList<>();
        for (int p = 0; p < r.cleanTokens().size(); p++) {
            String a = r.cleanTokens().get(p).strip(), b = r.corruptTokens().get(p).strip();
            columns.add(p + " " + (p == 0 ? "BOS" : a.equals(b) ? a : a + "|" + b));
        }
        double[][] values = new double[rows.size()][columns.size()];
        for (PatchEffect e : r.effects()) values[rows.indexOf(e.component())][e.position()] = e.effect();
        return Heatmap.of("denoising effect by component and position: " + r.metric(), rows, columns, values, 1.0);
    }
}
