package dev.glassbox.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.safetensors.FloatTensor;
import dev.glassbox.io.safetensors.SafetensorsWriter;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.InputEncoding;
import dev.glassbox.model.compiled.OutputDecoding;
import dev.glassbox.tensor.FloatMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir Path dir;

    /** A small random model in a compiled model's shape: 2 layers, 2 heads, 4 input tokens, 3 outputs. */
    static CompiledModel randomModel() {
        Random rng = new Random(7);
        int d = 6, heads = 2, dHead = 3, mlp = 5, vocab = 4, ctx = 4;
        TransformerConfig config = TransformerConfig.compiled(d, 2, heads, dHead, mlp, vocab, ctx, false);
        List<TransformerWeights.LayerWeights> layers = new java.util.ArrayList<>();
        for (int l = 0; l < 2; l++) {
            var attn = new TransformerWeights.Attention(random(rng, heads * dHead, d), null, random(rng, heads * dHead, d), null,
                    random(rng, heads * dHead, d), null, random(rng, d, heads * dHead), null);
            var m = new TransformerWeights.Mlp(random(rng, mlp, d), vector(rng, mlp), null, random(rng, d, mlp), vector(rng, d));
            layers.add(new TransformerWeights.LayerWeights(null, attn, null, null, m, null));
        }
        TransformerWeights weights = new TransformerWeights(random(rng, vocab, d), random(rng, ctx, d), layers, null, random(rng, 3, d));
        List<String> labels = List.of("one", "tokens:a", "tokens:b", "indices:0", "indices:1", "out");
        InputEncoding input = new InputEncoding(List.of("BOS", "a", 2, "compiler_pad"), 0, 3, 3);
        OutputDecoding output = OutputDecoding.categorical("out", Arrays.asList(true, 1.5, null));
        CompileReport report = new CompileReport("default", false, List.of(2, 1), List.of(5, 0),
                List.of(new CompileReport.Placement("out", "Aggregate", "categorical", 2)));
        return new CompiledModel(config, weights, labels, input, output, report, "lib:reverse");
    }

    static FloatMatrix random(Random rng, int rows, int cols) {
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) data[i] = (float) rng.nextGaussian();
        return new FloatMatrix(rows, cols, data);
    }

    static float[] vector(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian();
        return v;
    }

    @Test
    void roundTripKeepsWeightsMetadataAndOutputs() {
        CompiledModel model = randomModel();
        Path file = dir.resolve("m.safetensors");
        ModelFile.saveCompiled(model, file);
        CompiledModel loaded = ModelFile.loadCompiled(file);
        assertEquals(model.config(), loaded.config());
        assertEquals(model.residualLabels(), loaded.residualLabels());
        assertEquals(model.input(), loaded.input());
        assertEquals(model.output(), loaded.output());
        assertEquals(model.report(), loaded.report());
        assertEquals("lib:reverse", loaded.programSource());
        int[] tokens = {0, 1, 2, 1};
        float[][] expected = new Transformer(model.config(), model.weights()).forward(tokens);
        float[][] actual = new Transformer(loaded.config(), loaded.weights()).forward(tokens);
        for (int p = 0; p < tokens.length; p++) assertArrayEquals(expected[p], actual[p], 0f);
    }

    @Test
    void truncatedFileIsAClearError() throws IOException {
        Path file = dir.resolve("m.safetensors");
        ModelFile.saveCompiled(randomModel(), file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> ModelFile.loadCompiled(truncated));
        assertTrue(e.getMessage().contains("truncated.safetensors"), e.getMessage());
    }

    @Test
    void safetensorsWithoutGlassboxMetadataIsNamed() {
        Path file = dir.resolve("plain.safetensors");
        SafetensorsWriter.write(file, Map.of("x", new FloatTensor(new int[] {2}, new float[] {1, 2})), Map.of());
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> ModelFile.loadCompiled(file));
        assertTrue(e.getMessage().contains("glassbox.format") && e.getMessage().contains("not a Glassbox model file"), e.getMessage());
    }

    @Test
    void wrongTensorShapeNamesTheTensor() {
        CompiledModel model = randomModel();
        Path file = dir.resolve("m.safetensors");
        Map<String, FloatTensor> tensors = new java.util.LinkedHashMap<>(TransformerTensors.write(model.weights()));
        tensors.put("blocks.1.mlp.in.weight", new FloatTensor(new int[] {4, 6}, new float[24]));
        Map<String, String> metadata = Map.of(ModelFile.FORMAT_KEY, "\"" + ModelFile.FORMAT + "\"",
                ModelFile.CONFIG_KEY, ConfigJson.write(model.config()).toString());
        SafetensorsWriter.write(file, tensors, metadata);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> ModelFile.loadCompiled(file));
        assertTrue(e.getMessage().contains("mlp"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        var e = assertThrows(dev.glassbox.core.GlassboxException.class, () -> ModelFile.loadCompiled(dir.resolve("nope.safetensors")));
        assertTrue(e.getMessage().contains("nope.safetensors"), e.getMessage());
    }
}
