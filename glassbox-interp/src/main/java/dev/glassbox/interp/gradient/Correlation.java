package dev.glassbox.interp.gradient;

import java.util.Arrays;
import java.util.Comparator;

/** Agreement of two lists of numbers: Pearson's r of the values, Spearman's ρ of their ranks. */
public final class Correlation {
    private Correlation() {}

    /** r = Σ (a − ā)(b − b̄) / sqrt(Σ (a − ā)² Σ (b − b̄)²); NaN when either list is constant. */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " values against " + b.length);
        double meanA = Arrays.stream(a).average().orElse(0), meanB = Arrays.stream(b).average().orElse(0);
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return aa == 0 || bb == 0 ? Double.NaN : ab / Math.sqrt(aa * bb);
    }

    /** Pearson's r of the ranks (ties share their mean rank). */
    public static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] rank = new double[v.length];
        for (int start = 0; start < v.length; ) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) end++;
            double mean = (start + end) / 2.0;
            for (int k = start; k <= end; k++) rank[order[k]] = mean;
            start = end + 1;
        }
        return rank;
    }
}
