package dev.glassbox.cli.figures;

import java.awt.Color;

/** A diverging blue–white–red scale: negative values blue, zero white, positive red. */
final class Colors {
    private Colors() {}

    static Color diverging(float value, float maxAbs) {
        float t = Math.max(-1f, Math.min(1f, value / maxAbs));
        int fade = Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
