package dev.glassbox.interp.circuits;

import dev.glassbox.model.Transformer;
import java.util.ArrayList;
import java.util.List;

/** Singular values of W_QK and W_OV for every head of a model. */
public final class Spectra {
    private Spectra() {}

    public static List<HeadSpectrum> of(Transformer model) {
        List<HeadSpectrum> out = new ArrayList<>();
        for (int l = 0; l < model.config().nLayers(); l++) {
            for (int h = 0; h < model.config().nHeads(); h++) out.add(of(model, l, h));
        }
        return out;
    }

    public static HeadSpectrum of(Transformer model, int layer, int head) {
        Svd qk = HeadCircuits.qk(model.config(), model.weights(), layer, head).svd();
        Svd ov = HeadCircuits.ov(model.config(), model.weights(), layer, head).svd();
        return new HeadSpectrum(layer, head, qk.s(), qk.rank(), ov.s(), ov.rank());
    }
}
