package dev.glassbox.interp.report;

import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report of one or more patching results (activation, path, attribution patching alike, so
 * they can be compared on one page). The figure follows the sweep: component x position heatmap when
 * cells have positions, layer x head heatmap for heads, bars otherwise.
 */
public final class PatchingReport {
    private static final Pattern HEAD = Pattern.compile("blocks\\.(\\d+)\\.attn\\.head\\.(\\d+)");

    private PatchingReport() {}

    public static String render(String modelName, List<PatchingResult> results) {
        PatchingResult first = results.getFirst();
        HtmlPage page = new HtmlPage("Patching: " + modelName)
                .fact("model", modelName)
                .fact("clean", String.join(" ", first.cleanTokens()))
                .fact("corrupt", String.join(" ", first.corruptTokens()))
                .fact("metric", first.metric())
                .fact("clean metric", Svg.number(first.cleanMetric()))
                .fact("corrupt metric", Svg.number(first.corruptMetric()))
                .fact("effect", "normalised: 1 = fully restored (denoising) or fully destroyed (noising), 0 = no change");
        for (PatchingResult r : results) section(page, r);
        return page.render();
    }

    private static void section(HtmlPage page, PatchingResult r) {
        page.heading(r.method() + " patching, " + r.direction().label() + ", " + r.granularity());
        page.paragraph(r.forwardPasses() + " forward passes (" + r.effects().size() + " cells; the least a sweep needs is "
                + r.forwardPassesNeeded() + ")");
        boolean positioned = r.effects().stream().anyMatch(e -> e.position() != null);
        boolean heads = r.effects().stream().allMatch(e -> HEAD.matcher(e.component()).matches());
        if (positioned) {
            page.figure(byPosition(r).svg());
        } else if (heads) {
            page.figure(byHead(r).svg());
        } else {
            List<PatchEffect> shown = r.effects().size() > 60 ? top(r.effects(), 60) : r.effects();
            page.figure(new BarChart("effect per component" + (shown.size() < r.effects().size() ? " (60 largest)" : ""),
                    shown.stream().map(PatchEffect::component).toList(),
                    shown.stream().mapToDouble(PatchEffect::effect).toArray()).svg());
        }
        List<List<String>> rows = new ArrayList<>();
        for (PatchEffect e : top(r.effects(), Math.min(200, r.effects().size()))) {
            rows.add(List.of(e.component(), e.position() == null ? "all" : String.valueOf(e.position()), Svg.number(e.effect()),
                    Svg.number(e.metric())));
        }
        page.table(List.of("component", "position", "effect", "patched metric"), rows);
    }

    /** Rows: components in sweep order; columns: positions labelled "p token" (clean|corrupt where they differ). */
    static Heatmap byPosition(PatchingResult r) {
        List<String> rows = new ArrayList<>(new LinkedHashSet<>(r.effects().stream().map(PatchEffect::component).toList()));
        List<String> columns = new ArrayList<>();
        for (int p = 0; p < r.cleanTokens().size(); p++) {
            String a = r.cleanTokens().get(p), b = r.corruptTokens().get(p);
            columns.add(p + " " + (a.equals(b) ? a : a + "|" + b));
        }
        double[][] values = new double[rows.size()][columns.size()];
        for (double[] row : values) java.util.Arrays.fill(row, Double.NaN);
        for (PatchEffect e : r.effects()) {
            if (e.position() != null) values[rows.indexOf(e.component())][e.position()] = e.effect();
        }
        return Heatmap.of("effect by component and position", rows, columns, values, 1.0);
    }

    /** Rows: layers; columns: heads. */
    static Heatmap byHead(PatchingResult r) {
        int layers = 0, heads = 0;
        for (PatchEffect e : r.effects()) {
            Matcher m = HEAD.matcher(e.component());
            if (m.matches()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
                heads = Math.max(heads, Integer.parseInt(m.group(2)) + 1);
            }
        }
        double[][] values = new double[layers][heads];
        for (double[] row : values) java.util.Arrays.fill(row, Double.NaN);
        for (PatchEffect e : r.effects()) {
            Matcher m = HEAD.matcher(e.component());
            if (m.matches()) values[Integer.parseInt(m.group(1))][Integer.parseInt(m.group(2))] = e.effect();
        }
        List<String> rows = new ArrayList<>(), columns = new ArrayList<>();
        for (int l = 0; l < layers; l++) rows.add("layer " + l);
        for (int h = 0; h < heads; h++) columns.add("head " + h);
        return Heatmap.of("effect by layer and head", rows, columns, values, 1.0);
    }

    private static List<PatchEffect> top(List<PatchEffect> effects, int n) {
        return effects.stream()
                .sorted(Comparator.comparingDouble((PatchEffect e) -> -Math.abs(Double.isNaN(e.effect()) ? 0 : e.effect()))
                        .thenComparing(e -> Objects.toString(e.position(), "")))
                .limit(n).toList();
    }
}
