package dev.glassbox.model.file;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.safetensors.FloatTensor;
import dev.glassbox.io.safetensors.SafetensorsFile;
import dev.glassbox.io.safetensors.TensorInfo;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensor names of a Glassbox model file ({@code docs/model-format.md}) and the conversion of
 * {@link TransformerWeights} to and from them. Absent optional parts are simply not written.
 */
final class TransformerTensors {
    private TransformerTensors() {}

    static Map<String, FloatTensor> write(TransformerWeights w) {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        matrix(t, "embed.weight", w.embed());
        matrix(t, "pos_embed.weight", w.posEmbed());
        for (int l = 0; l < w.layers().size(); l++) {
            LayerWeights layer = w.layers().get(l);
            String p = "blocks." + l + ".";
            vector(t, p + "ln1.weight", layer.attnNorm());
            vector(t, p + "ln1_post.weight", layer.attnPostNorm());
            vector(t, p + "ln2.weight", layer.mlpNorm());
            vector(t, p + "ln2_post.weight", layer.mlpPostNorm());
            Attention a = layer.attn();
            matrix(t, p + "attn.q.weight", a.wq());
            vector(t, p + "attn.q.bias", a.bq());
            matrix(t, p + "attn.k.weight", a.wk());
            vector(t, p + "attn.k.bias", a.bk());
            matrix(t, p + "attn.v.weight", a.wv());
            vector(t, p + "attn.v.bias", a.bv());
            matrix(t, p + "attn.o.weight", a.wo());
            vector(t, p + "attn.o.bias", a.bo());
            Mlp m = layer.mlp();
            matrix(t, p + "mlp.in.weight", m.wIn());
            vector(t, p + "mlp.in.bias", m.bIn());
            matrix(t, p + "mlp.gate.weight", m.wGate());
            matrix(t, p + "mlp.out.weight", m.wOut());
            vector(t, p + "mlp.out.bias", m.bOut());
        }
        vector(t, "ln_final.weight", w.finalNorm());
        if (w.unembed() != w.embed()) matrix(t, "unembed.weight", w.unembed());
        return t;
    }

    private static void matrix(Map<String, FloatTensor> t, String name, WeightMatrix m) {
        if (m == null) return;
        float[] data = new float[m.rows() * m.cols()];
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) data[r * m.cols() + c] = m.get(r, c);
        t.put(name, new FloatTensor(new int[] {m.rows(), m.cols()}, data));
    }

    private static void vector(Map<String, FloatTensor> t, String name, float[] v) {
        if (v != null) t.put(name, new FloatTensor(new int[] {v.length}, v.clone()));
    }

    /** Reads the weights a config needs; shapes are checked by the Transformer built from them. */
    static TransformerWeights read(SafetensorsFile file, TransformerConfig config) {
        Reader r = new Reader(file);
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < config.nLayers(); l++) {
            String p = "blocks." + l + ".";
            Attention attn = new Attention(
                    r.matrix(p + "attn.q.weight"), r.optionalVector(p + "attn.q.bias"),
                    r.matrix(p + "attn.k.weight"), r.optionalVector(p + "attn.k.bias"),
                    r.matrix(p + "attn.v.weight"), r.optionalVector(p + "attn.v.bias"),
                    r.matrix(p + "attn.o.weight"), r.optionalVector(p + "attn.o.bias"));
            Mlp mlp = new Mlp(r.matrix(p + "mlp.in.weight"), r.optionalVector(p + "mlp.in.bias"),
                    r.optionalMatrix(p + "mlp.gate.weight"), r.matrix(p + "mlp.out.weight"), r.optionalVector(p + "mlp.out.bias"));
            layers.add(new LayerWeights(r.optionalVector(p + "ln1.weight"), attn, r.optionalVector(p + "ln1_post.weight"),
                    r.optionalVector(p + "ln2.weight"), mlp, r.optionalVector(p + "ln2_post.weight")));
        }
        WeightMatrix embed = r.matrix("embed.weight");
        WeightMatrix unembed = file.contains("unembed.weight") ? r.matrix("unembed.weight") : embed;
        return new TransformerWeights(embed, r.optionalMatrix("pos_embed.weight"), layers, r.optionalVector("ln_final.weight"),
                unembed);
    }

    private record Reader(SafetensorsFile file) {
        WeightMatrix matrix(String name) {
            if (!file.contains(name)) throw new MalformedFileException(file.path(), "tensor '" + name + "' is missing");
            TensorInfo info = file.tensor(name);
            long[] shape = info.shape();
            if (shape.length != 2) {
                throw new MalformedFileException(file.path(), "tensor '" + name + "' should be a matrix, has shape " + Arrays.toString(shape));
            }
            return new FloatMatrix((int) shape[0], (int) shape[1], file.readFloats(name));
        }

        WeightMatrix optionalMatrix(String name) {
            return file.contains(name) ? matrix(name) : null;
        }

        float[] optionalVector(String name) {
            if (!file.contains(name)) return null;
            long[] shape = file.tensor(name).shape();
            if (shape.length != 1) {
                throw new MalformedFileException(file.path(), "tensor '" + name + "' should be a vector, has shape " + Arrays.toString(shape));
            }
            return file.readFloats(name);
        }
    }
}
