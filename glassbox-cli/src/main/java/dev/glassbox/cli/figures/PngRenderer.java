package dev.glassbox.cli.figures;

import dev.glassbox.core.GlassboxException;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a {@link ResidualFigure} as a PNG with Java2D (headless). */
public final class PngRenderer {
    private static final int CELL = 24;
    private static final int GAP = 24;
    private static final int MARGIN = 12;

    private PngRenderer() {}

    public static void write(ResidualFigure figure, Path file) {
        System.setProperty("java.awt.headless", "true");
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        int labelWidth = 0;
        for (String label : figure.dimensionLabels()) labelWidth = Math.max(labelWidth, fm.stringWidth(label));
        int positions = figure.positionLabels().size();
        int dims = figure.dimensionLabels().size();
        int panelWidth = Math.max(positions * CELL, 90);
        int top = MARGIN + 2 * fm.getHeight() + 6;
        int width = MARGIN + labelWidth + 8 + figure.panels().size() * (panelWidth + GAP) + MARGIN;
        int height = top + dims * CELL + fm.getHeight() * 2 + MARGIN;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font.deriveFont(Font.BOLD, 13f));
        g.setColor(Color.BLACK);
        g.drawString(figure.title(), MARGIN, MARGIN + fm.getAscent());
        g.setFont(font);
        for (int d = 0; d < dims; d++) {
            String label = figure.dimensionLabels().get(d);
            g.drawString(label, MARGIN + labelWidth - fm.stringWidth(label), top + d * CELL + CELL - 4);
        }
        float maxAbs = figure.maxAbs();
        int x0 = MARGIN + labelWidth + 8;
        for (ResidualFigure.Panel panel : figure.panels()) {
            g.setColor(Color.BLACK);
            g.drawString(panel.title(), x0, top - 6);
            for (int p = 0; p < positions; p++) {
                for (int d = 0; d < dims; d++) {
                    g.setColor(Colors.diverging(panel.values()[p][d], maxAbs));
                    g.fillRect(x0 + p * CELL, top + d * CELL, CELL, CELL);
                }
                g.setColor(Color.DARK_GRAY);
                String pos = figure.positionLabels().get(p);
                g.drawString(pos, x0 + p * CELL + (CELL - fm.stringWidth(pos)) / 2, top + dims * CELL + fm.getAscent() + 2);
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x0, top, positions * CELL, dims * CELL);
            x0 += panelWidth + GAP;
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new GlassboxException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
