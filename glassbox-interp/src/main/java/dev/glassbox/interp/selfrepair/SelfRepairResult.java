package dev.glassbox.interp.selfrepair;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Self-repair over a set of prompts: each prompt's {@link PromptRepair}, and what the plots show: total vs
 * direct effect fits per layer, the matrix "ablate i, change in direct effect of j", and means per part.
 *
 * @param parts the parts whose direct effects are read, in matrix order (embed, then per layer: heads,
 *     attention, MLP); every one but embed is also ablated
 * @param heads whether heads were analysed (not with post-norms, where heads do not add up)
 * @param forwardPasses whole forward passes run, counted
 */
public record SelfRepairResult(String model, SelfRepairOptions options, List<Part> parts, boolean heads,
        List<PromptRepair> prompts, int forwardPasses) {

    public SelfRepairResult {
        parts = List.copyOf(parts);
        prompts = List.copyOf(prompts);
    }

    /** The parts that were ablated (all but embed), in order. */
    public List<Part> ablated() {
        return parts.stream().filter(p -> p.kind() != Part.Kind.EMBED).toList();
    }

    public int layers() {
        return parts.stream().mapToInt(Part::layer).max().orElse(-1) + 1;
    }

    /** Total against direct effect over every prompt, for the parts that pass {@code which}. */
    public LineFit fit(Predicate<Part> which) {
        List<double[]> points = points(which);
        double[] x = new double[points.size()], y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return LineFit.of(x, y);
    }

    /** The fit for one kind of part (HEAD, ATTN or MLP) in one layer, or in every layer when layer < 0. */
    public LineFit fit(Part.Kind kind, int layer) {
        return fit(p -> p.kind() == kind && (layer < 0 || p.layer() == layer));
    }

    /** (direct, total) of every matching part on every prompt. */
    public List<double[]> points(Predicate<Part> which) {
        List<double[]> out = new ArrayList<>();
        for (PromptRepair p : prompts) {
            for (ComponentRepair c : p.components()) if (which.test(c.part())) out.add(new double[] {c.direct(), c.total()});
        }
        return out;
    }

    /** The mean over prompts of change_j when i is ablated, for i in rows and j in columns. */
    public double[][] matrix(List<Part> rows, List<Part> columns) {
        double[][] m = new double[rows.size()][columns.size()];
        for (PromptRepair p : prompts) {
            for (int r = 0; r < rows.size(); r++) {
                ComponentRepair c = p.component(rows.get(r).name());
                for (int k = 0; k < columns.size(); k++) m[r][k] += c.change(parts.indexOf(columns.get(k))) / prompts.size();
            }
        }
        return m;
    }

    /** Attention sublayers and MLPs in forward order: the rows and columns of the layer x layer matrix. */
    public List<Part> sublayers() {
        return parts.stream().filter(p -> p.kind() == Part.Kind.ATTN || p.kind() == Part.Kind.MLP).toList();
    }

    public List<Part> headParts() {
        return parts.stream().filter(p -> p.kind() == Part.Kind.HEAD).toList();
    }

    /** Each ablated part's effects averaged over the prompts, in part order. */
    public List<RepairSummary> summaries() {
        List<RepairSummary> out = new ArrayList<>();
        for (Part part : ablated()) {
            double d = 0, t = 0, a = 0, m = 0, r = 0, abs = 0;
            for (PromptRepair p : prompts) {
                ComponentRepair c = p.component(part.name());
                d += c.direct();
                t += c.total();
                a += c.attention();
                m += c.mlp();
                r += c.remainder();
                abs += Math.abs(c.direct());
            }
            int n = prompts.size();
            out.add(new RepairSummary(part, d / n, t / n, a / n, m / n, r / n, abs / n));
        }
        return out;
    }

    public RepairSummary summary(String part) {
        return summaries().stream().filter(s -> s.part().name().equals(part)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + part));
    }
}
