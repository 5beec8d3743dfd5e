package dev.glassbox.cli;

import java.util.Locale;

/** Numbers for people: integral floats without noise, others to 4 significant digits. */
final class ValueText {
    private ValueText() {}

    static String number(double d) {
        if (Math.abs(d - Math.rint(d)) < 1e-6) return String.format(Locale.ROOT, "%.1f", Math.rint(d) + 0.0);
        return String.format(Locale.ROOT, "%.4g", d);
    }
}
