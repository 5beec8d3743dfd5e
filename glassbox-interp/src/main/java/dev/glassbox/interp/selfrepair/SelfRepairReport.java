package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.report.HtmlPage;
import dev.glassbox.interp.report.Svg;
import java.util.ArrayList;
import java.util.List;

/** The HTML report of a self-repair analysis: scatter plots with y = x, per-layer fits, the matrices, tables. */
public final class SelfRepairReport {
    private SelfRepairReport() {}

    public static String render(SelfRepairResult r) {
        SelfRepairOptions o = r.options();
        HtmlPage page = new HtmlPage("Self-repair: " + r.model())
                .fact("model", r.model())
                .fact("prompts", String.valueOf(r.prompts().size()))
                .fact("target", "each prompt's clean answer (argmax) at " + (o.position() == null ? "its last position"
                        : "position " + o.position()) + ", centred logit (minus the mean logit), before any soft-cap")
                .fact("ablation", o.ablation().label() + (o.ablation().label().equals("resample")
                        ? " (" + o.samples() + " sources per prompt, mean reported)" : ""))
                .fact("final norm scale", o.scale() == NormScale.FROZEN
                        ? "frozen from the clean run (as McGrath et al.); what its change adds is the remainder"
                        : "recomputed in every run")
                .fact("forward passes", String.valueOf(r.forwardPasses()));
        page.paragraph("Effects are clean minus ablated. direct = the part's own output read through the final norm and"
                + " unembedding; total = the change of the model's logit; a later sublayer's compensation is the change of"
                + " its direct effect. total = direct - attention - mlp + remainder. Points below y = x (for positive"
                + " direct effects) are repaired by later layers.");
        if (r.heads()) page.figure(SelfRepairFigures.headScatter(r));
        page.figure(SelfRepairFigures.sublayerScatter(r));
        page.heading("Total against direct effect: least-squares fit per layer");
        page.table(List.of("parts", "layer", "points", "slope", "intercept", "R²"), fitRows(r));
        page.heading("Ablate i, change in direct effect of j");
        page.figure(SelfRepairFigures.layerMatrix(r));
        if (r.heads()) page.figure(SelfRepairFigures.headMatrix(r));
        page.heading("Mean over prompts");
        List<List<String>> rows = new ArrayList<>();
        for (RepairSummary s : r.summaries()) {
            rows.add(List.of(s.part().name(), Svg.number(s.direct()), Svg.number(s.total()), Svg.number(s.attention()),
                    Svg.number(s.mlp()), Svg.number(s.remainder()), Svg.number(s.meanAbsDirect())));
        }
        page.table(List.of("part", "direct", "total", "attention compensation", "MLP compensation", "remainder",
                "mean |direct|"), rows);
        page.heading("Prompts");
        List<List<String>> prompts = new ArrayList<>();
        for (PromptRepair p : r.prompts()) {
            prompts.add(List.of(p.text(), String.valueOf(p.position()), p.target(), Svg.number(p.cleanLogit())));
        }
        page.table(List.of("prompt", "position", "answer", "centred logit"), prompts);
        return page.render();
    }

    static List<List<String>> fitRows(SelfRepairResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Part.Kind kind : r.heads() ? List.of(Part.Kind.HEAD, Part.Kind.ATTN, Part.Kind.MLP) : List.of(Part.Kind.ATTN, Part.Kind.MLP)) {
            for (int l = -1; l < r.layers(); l++) {
                LineFit f = r.fit(kind, l);
                rows.add(List.of(kind.name().toLowerCase(java.util.Locale.ROOT), l < 0 ? "all" : String.valueOf(l),
                        String.valueOf(f.points()), Svg.number(f.slope()), Svg.number(f.intercept()), Svg.number(f.r2())));
            }
        }
        return rows;
    }
}
