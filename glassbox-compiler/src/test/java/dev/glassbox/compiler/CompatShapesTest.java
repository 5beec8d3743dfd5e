package dev.glassbox.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glassbox.compiler.allocation.Allocation;
import dev.glassbox.compiler.allocation.LayerAllocation;
import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.bases.BasisInference;
import dev.glassbox.compiler.craft.AttentionHead;
import dev.glassbox.compiler.craft.CraftBuilder;
import dev.glassbox.compiler.craft.CraftProgram;
import dev.glassbox.compiler.craft.NodeCraft;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --compat tracr} builds exactly the original's shapes for all 16 library programs. */
class CompatShapesTest {

    static Stream<Arguments> programs() {
        List<JsonNode> reference = Reference.programs();
        List<LibraryProgram> library = Library.all();
        assertEquals(reference.size(), library.size());
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < library.size(); i++) out.add(Arguments.of(library.get(i).name(), library.get(i), reference.get(i)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void shapesEqualTheOriginal(String name, LibraryProgram program, JsonNode reference) {
        CompileOptions options = CompileOptions.of(reference.get("vocab").traverse() == null ? null : vocab(reference),
                reference.get("max_seq_len").asInt()).withMode(CompileOptions.Mode.TRACR_COMPAT);
        CompiledModel model = RaspCompiler.compile(program.build(), options);
        JsonNode shape = reference.get("shape");
        assertEquals(shape.get("num_layers").asInt(), model.config().nLayers(), "layers");
        assertEquals(shape.get("residual_dim").asInt(), model.residualDim(), "residual dimension: " + model.residualLabels());
        assertEquals(shape.get("num_heads").asInt(), model.config().nHeads(), "heads");
        assertEquals(shape.get("key_size").asInt(), model.config().dHead(), "key size");
        assertEquals(shape.get("mlp_hidden_size").asInt(), model.config().dMlp(), "MLP hidden size");
        List<Integer> heads = new ArrayList<>(), mlps = new ArrayList<>();
        for (JsonNode layer : reference.get("per_layer")) {
            heads.add(layer.get("attn_heads").asInt());
            mlps.add(layer.get("mlp_hidden").asInt());
        }
        assertEquals(heads, model.report().headsPerLayer(), "heads per layer");
        assertEquals(mlps, model.report().mlpHiddenPerLayer(), "MLP hidden per layer");
        assertEquals(normalised(reference.get("residual_labels")), normalisedOurs(model.residualLabels()), "residual labels");
        List<String> expectedPlacements = new ArrayList<>(), actualPlacements = new ArrayList<>();
        reference.get("layer_allocation").properties().forEach(e -> expectedPlacements.add(stripIds(e.getKey()) + " "
                + e.getValue().get("kind").asText() + " " + e.getValue().get("encoding").asText() + " "
                + e.getValue().get("layer_index").asInt()));
        model.report().placements().forEach(p -> actualPlacements.add(stripIds(p.label()) + " " + p.kind() + " "
                + p.encoding() + " " + p.sublayer()));
        expectedPlacements.sort(null);
        actualPlacements.sort(null);
        assertEquals(expectedPlacements, actualPlacements, "layer allocation");

        // every head's W_QK and W_OV shape, layer by layer
        SOp sop = program.build();
        ProgramGraph graph = ProgramGraph.extract(sop);
        Bases bases = BasisInference.infer(graph, options);
        CraftProgram craft = CraftBuilder.build(bases, options);
        Allocation allocation = LayerAllocation.allocate(craft);
        for (JsonNode layer : reference.get("per_layer")) {
            List<String> expected = new ArrayList<>(), actual = new ArrayList<>();
            for (JsonNode h : layer.get("head_shapes")) expected.add(h.get("w_qk").toString() + h.get("w_ov").toString());
            for (SOp s : allocation.heads().get(layer.get("layer").asInt())) {
                AttentionHead head = switch (craft.craft(s)) {
                    case NodeCraft.Attention a -> a.head();
                    case NodeCraft.AttentionThenMlp a -> a.head();
                    default -> throw new AssertionError();
                };
                actual.add(Arrays.toString(head.qkShape()).replace(" ", "") + Arrays.toString(head.ovShape()).replace(" ", ""));
            }
            expected.sort(null);
            actual.sort(null);
            assertEquals(expected, actual, "head shapes of layer " + layer.get("layer"));
        }
    }

    static List<Object> vocab(JsonNode reference) {
        List<Object> vocab = new ArrayList<>();
        for (JsonNode v : reference.get("vocab")) vocab.add(v.isInt() ? (Object) v.asInt() : v.asText());
        return vocab;
    }

    /** Labels without the original's per-process ids ({@code length_5:0} → {@code length:0}), sorted. */
    static List<String> normalised(JsonNode labels) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : labels) out.add(stripIds(l.asText()));
        out.sort(null);
        return out;
    }

    static List<String> normalisedOurs(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) out.add(stripIds(l));
        out.sort(null);
        return out;
    }

    private static String stripIds(String label) {
        int colon = label.indexOf(':');
        String name = colon < 0 ? label : label.substring(0, colon);
        String rest = colon < 0 ? "" : label.substring(colon);
        String suffix = "";
        if (name.endsWith("_selector_width_attn_output")) {
            suffix = "_selector_width_attn_output";
            name = name.substring(0, name.length() - suffix.length());
        }
        name = name.replaceAll("_\\d+$", "");
        return name + suffix + rest;
    }
}
