package dev.glassbox.cli.interp;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.circuits.CircuitsJson;
import dev.glassbox.interp.circuits.Compression;
import dev.glassbox.interp.circuits.CompressionCurve;
import dev.glassbox.interp.circuits.HeadSpectrum;
import dev.glassbox.interp.circuits.Spectra;
import dev.glassbox.interp.circuits.Subspace;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "svd", mixinStandardHelpOptions = true,
        description = "Singular values of each head's W_QK and W_OV, and with --input the compression curves: the change"
                + " of the output when a head reads its queries, keys or values through its top-k singular subspace.")
final class SvdCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--head", paramLabel = "blocks.L.attn.head.H", description = "a head to study (repeatable; default: every head)")
    List<String> heads;
    @Option(names = "--input", paramLabel = "TEXT", description = "a prompt the compression is measured on (repeatable)")
    List<String> inputs;
    @Option(names = "--subspace", split = ",", paramLabel = "query,key,value",
            description = "which inputs to project (default: all three)")
    List<String> subspaces;
    @Option(names = "--ks", split = ",", paramLabel = "K", description = "the k of each point (default: 0 up to d_head)")
    List<Integer> ks;
    @Option(names = "--tolerance", defaultValue = "1e-3", paramLabel = "T",
            description = "the change (mean KL, or largest logit change for one numerical output) a head's smallest k is"
                    + " allowed (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        List<Component.Head> chosen = chosenHeads(m);
        List<HeadSpectrum> spectra = new ArrayList<>();
        for (Component.Head h : chosen) spectra.add(Spectra.of(m.transformer(), h.layer(), h.head()));
        List<String> texts = inputs == null ? List.of() : inputs;
        List<Prompt> prompts = texts.stream().map(m::prompt).toList();
        int from = m instanceof PlainInterpModel ? 0 : 1; // the answer at BOS is not an answer
        List<CompressionCurve> curves = new ArrayList<>();
        if (!prompts.isEmpty()) {
            Compression compression = new Compression(m.transformer(), prompts.stream().map(Prompt::tokens).toList(), from);
            List<Subspace> which = subspaces == null ? List.of(Subspace.values()) : subspaces.stream().map(Subspace::parse).toList();
            int[] points = ks == null ? null : ks.stream().mapToInt(Integer::intValue).toArray();
            if (points != null) for (int k : points) if (k < 0) throw new InvalidInputException("--ks: k must not be negative, got " + k);
            for (Component.Head h : chosen) {
                for (Subspace s : which) {
                    curves.add(points == null ? compression.curve(h.layer(), h.head(), s) : compression.curve(h.layer(), h.head(), s, points));
                }
            }
        }
        report.emit(spec.commandLine().getOut(), CircuitsJson.of(m.name(), spectra, texts, from, tolerance, curves),
                () -> dev.glassbox.interp.circuits.SvdReport.render(m.name(), spectra, texts, from, tolerance, curves),
                () -> summary(spectra, curves));
        return 0;
    }

    private List<Component.Head> chosenHeads(InterpModel m) {
        List<Component.Head> out = new ArrayList<>();
        if (heads == null) {
            for (int l = 0; l < m.transformer().config().nLayers(); l++) {
                for (int h = 0; h < m.transformer().config().nHeads(); h++) out.add(new Component.Head(l, h));
            }
            return out;
        }
        for (String name : heads) {
            if (!(m.components().parse(name) instanceof Component.Head h)) {
                throw new InvalidInputException("--head " + name + " is not an attention head; name one as blocks.L.attn.head.H");
            }
            out.add(h);
        }
        return out;
    }

    private String summary(List<HeadSpectrum> spectra, List<CompressionCurve> curves) {
        StringBuilder s = new StringBuilder("head                   W_QK rank  s1        W_OV rank  s1");
        if (!curves.isEmpty()) s.append(String.format(Locale.ROOT, "        smallest k within %s (query key value)", tolerance));
        s.append('\n');
        for (HeadSpectrum h : spectra) {
            s.append(String.format(Locale.ROOT, "%-22s %9d  %-9.4g %9d  %-9.4g", h.name(), h.qkRank(), h.qk()[0], h.ovRank(), h.ov()[0]));
            for (CompressionCurve c : curves) {
                if (c.layer() == h.layer() && c.head() == h.head()) s.append(String.format(Locale.ROOT, " %5d", c.smallestKWithin(tolerance)));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
