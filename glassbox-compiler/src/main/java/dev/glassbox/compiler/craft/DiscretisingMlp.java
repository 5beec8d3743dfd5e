package dev.glassbox.compiler.craft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MLP that computes any function of a numerical input x known to take one of finitely many values
 * v_0 < v_1 < ... < v_{n-1}: numerical → categorical and numerical → numerical Maps, and the second half of
 * a SelectorWidth. The output for each value is an arbitrary vector o_i (a one-hot for a categorical Map,
 * f(v_i) times the output direction for a numerical one).
 *
 * <p>Construction. Between each two neighbours put a threshold, and build a step that is 0 below it and 1
 * above it from two ReLUs of the same slope s, {@code ReLU(s(x - a)) - ReLU(s(x - b))}: 0 for x ≤ a, 1
 * for x ≥ b, a ramp between. By telescoping, {@code o_0 + Σ_k (o_k - o_{k-1})·step_k(x)} is o_i at v_i.
 * A "start" neuron ReLU(one) = 1 carries o_0.
 *
 * <p>The original ({@link #tracr}) puts the ramp at [t - 1/L, t] for the midpoint t and a fixed L
 * (mlp_exactness, 100). That is exact only while the half-gap between neighbours is at least 1/L: the
 * values 1/(w+1) that a SelectorWidth discretises are 1/((w+1)(w+2)) apart, so with L = 100 its output
 * goes wrong from width 10 (categorical; the argmax survives a partial step until then) or 7 (numerical).
 *
 * <p>The default mode ({@link #exact}) fits each ramp inside its own gap g_k: from a = v_{k-1} + g_k/4 to
 * b = v_k - g_k/4, slope 2/g_k. Every value then sits a quarter gap away from every ramp, so each step is
 * exactly 0 or 1 at every value, and stays so under input errors up to a quarter gap. To keep float32
 * rounding small, steps below a chosen value v_r run downwards ({@code ReLU(s(b - x)) - ReLU(s(a - x))},
 * 1 below the ramp), those above it upwards, with o_r as the base, r chosen so that the largest
 * pre-activation is smallest; steps with o_k = o_{k-1} are left out. Every neuron also reads the BOS
 * direction with a weight that switches it off at BOS, where the input is a known x_BOS, so the MLP writes
 * nothing at BOS.
 */
public final class DiscretisingMlp {
    private DiscretisingMlp() {}

    /** One input value and the output vector the MLP must produce for it. */
    public record Point(double x, Map<BasisDirection, Double> output) {}

    /**
     * The original's construction.
     *
     * @param points the input values (with an output each), in any order
     * @param large L
     */
    public static MlpBlock tracr(String hiddenName, BasisDirection input, List<Point> points, double large,
            List<BasisDirection> outputSpace) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((p, q) -> Double.compare(p.x, q.x));
        BasisDirection start = BasisDirection.of(hiddenName + "start");
        List<BasisDirection> hidden = new ArrayList<>(List.of(start));
        Linear first = new Linear(), second = new Linear();
        first.add(Directions.ONE, start, 1);
        if (!sorted.isEmpty()) addVector(second, start, sorted.getFirst().output, 1);
        for (int k = 1; k < sorted.size(); k++) {
            double t = (sorted.get(k - 1).x + sorted.get(k).x) / 2;
            BasisDirection h0 = new BasisDirection(hiddenName, List.of(k, 0));
            BasisDirection h1 = new BasisDirection(hiddenName, List.of(k, 1));
            hidden.add(h0);
            hidden.add(h1);
            first.add(Directions.ONE, h0, 1 - large * t).add(Directions.ONE, h1, -large * t);
            first.add(input, h0, large).add(input, h1, large);
            addVector(second, h0, sorted.get(k).output, 1);
            addVector(second, h0, sorted.get(k - 1).output, -1);
            addVector(second, h1, sorted.get(k).output, -1);
            addVector(second, h1, sorted.get(k - 1).output, 1);
        }
        List<BasisDirection> inputs = new ArrayList<>(List.of(input, Directions.ONE));
        return new MlpBlock(inputs, hidden, first, second, outputSpace);
    }

    /**
     * The exact construction.
     *
     * @param points the input values with their outputs; values closer than one part in 10^9 are merged
     * @param xAtBos the input's value at the BOS position
     */
    public static MlpBlock exact(String hiddenName, BasisDirection input, List<Point> points, double xAtBos,
            List<BasisDirection> outputSpace) {
        List<Point> v = merged(points);
        int n = v.size();
        Linear first = new Linear(), second = new Linear();
        List<BasisDirection> hidden = new ArrayList<>();
        if (n == 0) return new MlpBlock(List.of(input, Directions.ONE, Directions.BOS), hidden, first, second, outputSpace);

        // Δ_k = o_k - o_{k-1}, and the magnitude each step would reach if it ran up or down.
        double xMin = v.getFirst().x, xMax = v.getLast().x;
        double[] up = new double[n], down = new double[n];
        boolean[] changes = new boolean[n];
        for (int k = 1; k < n; k++) {
            double gap = v.get(k).x - v.get(k - 1).x, s = 2 / gap;
            double a = v.get(k - 1).x + gap / 4, b = v.get(k).x - gap / 4;
            changes[k] = !difference(v.get(k).output, v.get(k - 1).output).isEmpty();
            up[k] = s * (xMax - a);
            down[k] = s * (b - xMin);
        }
        // r: steps 1..r run down, r+1..n-1 run up; minimise the largest magnitude.
        double[] downPrefix = new double[n], upSuffix = new double[n + 1];
        for (int k = 1; k < n; k++) downPrefix[k] = Math.max(downPrefix[k - 1], changes[k] ? down[k] : 0);
        for (int k = n - 1; k >= 1; k--) upSuffix[k] = Math.max(upSuffix[k + 1], changes[k] ? up[k] : 0);
        int r = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            double m = Math.max(downPrefix[c], upSuffix[c + 1]);
            if (m < best) {
                best = m;
                r = c;
            }
        }

        BasisDirection start = BasisDirection.of(hiddenName + "start");
        hidden.add(start);
        neuron(first, start, input, 0, 1, xAtBos);
        addVector(second, start, v.get(r).output, 1);
        for (int k = 1; k < n; k++) {
            if (!changes[k]) continue;
            double gap = v.get(k).x - v.get(k - 1).x, s = 2 / gap;
            double a = v.get(k - 1).x + gap / 4, b = v.get(k).x - gap / 4;
            Map<BasisDirection, Double> delta = difference(v.get(k).output, v.get(k - 1).output);
            BasisDirection h0 = new BasisDirection(hiddenName, List.of(k, 0));
            BasisDirection h1 = new BasisDirection(hiddenName, List.of(k, 1));
            hidden.add(h0);
            hidden.add(h1);
            if (k > r) { // up: ReLU(s(x - a)) - ReLU(s(x - b)) is 1 above the ramp
                neuron(first, h0, input, s, -s * a, xAtBos);
                neuron(first, h1, input, s, -s * b, xAtBos);
                addVector(second, h0, delta, 1);
                addVector(second, h1, delta, -1);
            } else { // down: ReLU(s(b - x)) - ReLU(s(a - x)) is 1 below the ramp
                neuron(first, h0, input, -s, s * b, xAtBos);
                neuron(first, h1, input, -s, s * a, xAtBos);
                addVector(second, h0, delta, -1);
                addVector(second, h1, delta, 1);
            }
        }
        return new MlpBlock(List.of(input, Directions.ONE, Directions.BOS), hidden, first, second, outputSpace);
    }

    /** A neuron slope·x + offset, switched off at BOS (pre-activation -1 there). */
    private static void neuron(Linear first, BasisDirection h, BasisDirection input, double slope, double offset,
            double xAtBos) {
        first.add(input, h, slope).add(Directions.ONE, h, offset);
        double atBos = slope * xAtBos + offset;
        first.add(Directions.BOS, h, -(Math.max(0, atBos) + 1));
    }

    /**
     * The points sorted, with values closer than one part in 10^9 merged into one: an MLP cannot tell
     * them apart. Of such a cluster the value with the shortest decimal form is kept, as the likeliest
     * exact one (0.0 rather than the rounding error -5.6E-17 next to it).
     */
    private static List<Point> merged(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((p, q) -> Double.compare(p.x, q.x));
        List<Point> out = new ArrayList<>();
        double clusterStart = Double.NaN;
        for (Point p : sorted) {
            boolean near = !out.isEmpty() && p.x - clusterStart <= 1e-9 * Math.max(1, Math.abs(p.x));
            if (!near) {
                out.add(p);
                clusterStart = p.x;
            } else if (Double.toString(p.x).length() < Double.toString(out.getLast().x).length()) {
                out.set(out.size() - 1, p);
            }
        }
        return out;
    }

    private static Map<BasisDirection, Double> difference(Map<BasisDirection, Double> a, Map<BasisDirection, Double> b) {
        LinkedHashMap<BasisDirection, Double> d = new LinkedHashMap<>(a);
        b.forEach((k, w) -> d.merge(k, -w, Double::sum));
        d.values().removeIf(w -> w == 0);
        return d;
    }

    private static void addVector(Linear second, BasisDirection h, Map<BasisDirection, Double> vector, double scale) {
        vector.forEach((out, w) -> second.add(h, out, w * scale));
    }
}
