package dev.glassbox.model.reference;

import java.util.Locale;

/**
 * How closely two runs' logits agree over every position and every token.
 *
 * @param maxAbsDiff the largest |ours - theirs|
 * @param worstPosition where it is
 * @param meanAbsDiff the mean |ours - theirs|
 * @param argmaxAgreement the fraction of positions whose highest logit is the same token
 * @param logitRange the largest |logit| of the reference, for scale
 */
record LogitAgreement(double maxAbsDiff, int worstPosition, double meanAbsDiff, double argmaxAgreement, double logitRange) {

    static LogitAgreement of(float[][] ours, float[][] theirs) {
        if (ours.length != theirs.length) {
            throw new IllegalArgumentException(ours.length + " positions against " + theirs.length);
        }
        double max = -1, sum = 0, range = 0;
        int worst = -1, same = 0;
        long count = 0;
        for (int p = 0; p < ours.length; p++) {
            if (ours[p].length != theirs[p].length) {
                throw new IllegalArgumentException("position " + p + ": " + ours[p].length + " logits against " + theirs[p].length);
            }
            for (int v = 0; v < ours[p].length; v++) {
                double diff = Math.abs((double) ours[p][v] - theirs[p][v]);
                if (!(diff <= max)) { // NaN counts as worst
                    max = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                    worst = p;
                }
                sum += diff;
                range = Math.max(range, Math.abs(theirs[p][v]));
                count++;
            }
            if (argmax(ours[p]) == argmax(theirs[p])) same++;
        }
        return new LogitAgreement(max, worst, sum / count, (double) same / ours.length, range);
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "max |diff| %.2e (position %d), mean %.2e, argmax agreement %.1f%%, |logit| up to %.2f",
                maxAbsDiff, worstPosition, meanAbsDiff, 100 * argmaxAgreement, logitRange);
    }
}
