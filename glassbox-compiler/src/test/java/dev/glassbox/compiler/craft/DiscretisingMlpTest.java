package dev.glassbox.compiler.craft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The discretising MLP, evaluated in double arithmetic on its named directions. */
class DiscretisingMlpTest {
    private static final BasisDirection X = BasisDirection.of("x"), OUT = BasisDirection.of("out");

    /** out(x) at a position (bos = 1 at BOS only). */
    private static double apply(MlpBlock mlp, double x, boolean bos) {
        Map<BasisDirection, Double> in = Map.of(X, x, Directions.ONE, 1.0, Directions.BOS, bos ? 1.0 : 0.0);
        double out = 0;
        for (BasisDirection h : mlp.hidden()) {
            double pre = 0;
            for (var e : in.entrySet()) pre += mlp.first().get(e.getKey(), h) * e.getValue();
            out += Math.max(0, pre) * mlp.second().get(h, OUT);
        }
        return out;
    }

    private static List<DiscretisingMlp.Point> points(List<Double> xs, java.util.function.DoubleUnaryOperator f) {
        List<DiscretisingMlp.Point> out = new ArrayList<>();
        for (double x : xs) {
            Map<BasisDirection, Double> o = new LinkedHashMap<>();
            o.put(OUT, f.applyAsDouble(x));
            out.add(new DiscretisingMlp.Point(x, o));
        }
        return out;
    }

    @Test
    void exactOnEveryValueHoweverClose() {
        List<Double> xs = new ArrayList<>();
        for (int w = 0; w <= 200; w++) xs.add(1.0 / (w + 1)); // neighbours 1/(201·202) apart at the end
        MlpBlock mlp = DiscretisingMlp.exact("h", X, points(xs, x -> Math.round(1 / x - 1)), 1.0, List.of(OUT));
        for (double x : xs) assertEquals(Math.round(1 / x - 1), apply(mlp, x, false), 1e-6, "at " + x);
        assertEquals(0, apply(mlp, 1.0, true), 1e-9, "nothing at BOS");
    }

    @Test
    void exactUnderSmallInputErrors() {
        List<Double> xs = List.of(-2.0, -0.5, 0.0, 0.25, 3.0);
        MlpBlock mlp = DiscretisingMlp.exact("h", X, points(xs, x -> x * x - 7), 0.0, List.of(OUT));
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.get(i), gap = Math.min(i > 0 ? x - xs.get(i - 1) : 1, i < xs.size() - 1 ? xs.get(i + 1) - x : 1);
            for (double error : new double[] {-gap / 4.5, 0, gap / 4.5}) {
                assertEquals(x * x - 7, apply(mlp, x + error, false), 1e-9, "at " + x + " + " + error);
            }
        }
        assertEquals(0, apply(mlp, 0.0, true), 1e-9);
    }

    @Test
    void stepsBetweenEqualOutputsAreLeftOut() {
        List<Double> xs = List.of(0.0, 0.1, 0.2, 0.3, 0.4);
        MlpBlock mlp = DiscretisingMlp.exact("h", X, points(xs, x -> x > 0.25 ? 1 : 0), 0.0, List.of(OUT));
        assertEquals(3, mlp.width(), "the start neuron and one step of two neurons");
    }

    @Test
    void theOriginalIsInexactWhenNeighboursAreCloserThanTwoOverL() {
        List<Double> xs = List.of(1.0 / 11, 1.0 / 10); // half-gap 1/220 < 1/100
        MlpBlock mlp = DiscretisingMlp.tracr("h", X, points(xs, x -> Math.round(1 / x - 1)), 100, List.of(OUT));
        assertTrue(Math.abs(apply(mlp, 1.0 / 11, false) - 10) > 0.1, "width 10 comes out wrong");
    }
}
