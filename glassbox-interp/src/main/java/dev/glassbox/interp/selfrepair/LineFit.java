package dev.glassbox.interp.selfrepair;

/**
 * A least-squares line y = intercept + slope · x through points, with its R²:
 * <pre>
 *   slope = cov(x, y) / var(x)      intercept = mean(y) - slope · mean(x)
 *   R²    = 1 - SS_res / SS_tot     SS_tot = sum (y - mean(y))², SS_res = sum (y - fit)²
 * </pre>
 * A slope below 1 on total-vs-direct effects means later layers make up part of what a component does
 * directly. NaN where undefined (fewer than two points, all x equal, all y equal).
 */
public record LineFit(int points, double slope, double intercept, double r2) {

    public static LineFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) return new LineFit(n, Double.NaN, Double.NaN, Double.NaN);
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) return new LineFit(n, Double.NaN, Double.NaN, Double.NaN);
        double slope = sxy / sxx, intercept = my - slope * mx;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            residual += r * r;
        }
        return new LineFit(n, slope, intercept, syy == 0 ? Double.NaN : 1 - residual / syy);
    }
}
