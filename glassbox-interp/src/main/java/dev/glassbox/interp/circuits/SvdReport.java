package dev.glassbox.interp.circuits;

import dev.glassbox.interp.report.HtmlPage;
import dev.glassbox.interp.report.LineChart;
import dev.glassbox.interp.report.Svg;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML report of a QK/OV study: per layer, each head's singular values of W_QK and W_OV; a table of
 * ranks; and, when prompts were given, the compression curves: the change of the output against k for each
 * head and projected input (mean KL of the next-token distributions, or the largest logit change for a
 * model with one numerical output).
 */
public final class SvdReport {
    private SvdReport() {}

    public static String render(String model, List<HeadSpectrum> spectra, List<String> prompts, int from, double tolerance,
            List<CompressionCurve> curves) {
        HtmlPage page = new HtmlPage("QK/OV circuits: " + model)
                .fact("model", model)
                .fact("space", CircuitsJson.SPACE)
                .fact("rank", "singular values above s_max * max(m, n) * 2^-23 (float32 rounding)");
        page.heading("Singular values");
        for (int layer : layers(spectra)) {
            List<HeadSpectrum> here = spectra.stream().filter(s -> s.layer() == layer).toList();
            page.figure(spectrum("layer " + layer + ": W_QK", here, true));
            page.figure(spectrum("layer " + layer + ": W_OV", here, false));
        }
        List<List<String>> rows = new ArrayList<>();
        for (HeadSpectrum s : spectra) {
            rows.add(List.of(s.name(), String.valueOf(s.qkRank()), Svg.number(s.qk()[0]), String.valueOf(s.ovRank()), Svg.number(s.ov()[0])));
        }
        page.table(List.of("head", "W_QK rank", "W_QK s1", "W_OV rank", "W_OV s1"), rows);
        if (!curves.isEmpty()) {
            boolean numerical = Double.isNaN(curves.getFirst().points().getFirst().change().meanKl());
            String measure = numerical ? "largest logit change" : "mean KL";
            page.heading("Compression: " + measure + " against k");
            page.paragraph("Each head reads its queries, keys or values through the top-k singular subspace of its circuit;"
                    + " the change is measured from position " + from + " on, over " + prompts.size() + " prompt(s).");
            for (Subspace subspace : Subspace.values()) {
                for (int layer : layers(spectra)) {
                    List<CompressionCurve> here = curves.stream().filter(c -> c.subspace() == subspace && c.layer() == layer).toList();
                    if (here.isEmpty()) continue;
                    List<String> ks = here.getFirst().points().stream().map(p -> String.valueOf(p.k())).toList();
                    List<LineChart.Series> series = new ArrayList<>();
                    for (CompressionCurve c : here) {
                        series.add(new LineChart.Series("head " + c.head(), c.points().stream()
                                .mapToDouble(p -> numerical ? p.change().maxLogitChange() : p.change().meanKl()).toArray()));
                    }
                    page.figure(new LineChart("layer " + layer + ", " + subspace.label() + "s: " + measure + " by k", measure, ks, series).svg());
                }
            }
            List<List<String>> summary = new ArrayList<>();
            for (CompressionCurve c : curves) {
                summary.add(List.of(c.name(), c.subspace().label(), String.valueOf(c.rank()), String.valueOf(c.smallestKWithin(tolerance))));
            }
            page.table(List.of("head", "subspace", "rank", "smallest k within " + Svg.number(tolerance)), summary);
            page.heading("Prompts");
            page.table(List.of("prompt"), prompts.stream().map(List::of).toList());
        }
        return page.render();
    }

    private static List<Integer> layers(List<HeadSpectrum> spectra) {
        return spectra.stream().map(HeadSpectrum::layer).distinct().sorted().toList();
    }

    private static String spectrum(String title, List<HeadSpectrum> heads, boolean qk) {
        int n = (qk ? heads.getFirst().qk() : heads.getFirst().ov()).length;
        List<String> xs = new ArrayList<>();
        for (int i = 1; i <= n; i++) xs.add("s" + i);
        List<LineChart.Series> series = new ArrayList<>();
        for (HeadSpectrum s : heads) series.add(new LineChart.Series("head " + s.head(), qk ? s.qk() : s.ov()));
        return new LineChart(title, "singular value", xs, series).svg();
    }
}
