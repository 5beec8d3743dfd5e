package dev.glassbox.rasp;

/**
 * {@code a·x[i] + b·y[i]}: a SequenceMap the compiler turns into a single linear map of the residual
 * stream (no hidden units) when both inputs are numerical.
 */
public final class LinearSequenceMap extends SequenceMap {
    private final double fstFactor;
    private final double sndFactor;

    public LinearSequenceMap(SOp fst, SOp snd, double fstFactor, double sndFactor) {
        super(ValueFunction2.of(factor(fstFactor) + "x + " + factor(sndFactor) + "y",
                (x, y) -> Values.add(Values.multiply(number(fstFactor), x), Values.multiply(number(sndFactor), y))),
                fst, snd);
        this.fstFactor = fstFactor;
        this.sndFactor = sndFactor;
    }

    /** Integral factors act as Python ints, so 1·x - 1·y of ints stays an int as in Tracr. */
    private static Object number(double factor) {
        return factor == Math.rint(factor) && Math.abs(factor) < 1e9 ? (Object) (int) factor : (Object) factor;
    }

    private static String factor(double f) {
        return Values.format(number(f)) + "·";
    }

    public double fstFactor() {
        return fstFactor;
    }

    public double sndFactor() {
        return sndFactor;
    }

    @Override
    public String defaultName() {
        return "linear_sequence_map";
    }
}
