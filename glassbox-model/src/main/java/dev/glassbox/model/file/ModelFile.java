package dev.glassbox.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.safetensors.SafetensorsFile;
import dev.glassbox.io.safetensors.SafetensorsWriter;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.model.compiled.CompileReport;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.InputEncoding;
import dev.glassbox.model.compiled.OutputDecoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes Glassbox model files: safetensors with the model's description in the metadata
 * header. The format is documented in {@code docs/model-format.md}.
 */
public final class ModelFile {
    static final String FORMAT_KEY = "glassbox.format";
    static final String FORMAT = "glassbox-transformer/1";
    static final String CONFIG_KEY = "glassbox.config";
    static final String COMPILED_KEY = "glassbox.compiled";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFile() {}

    public static void saveCompiled(CompiledModel model, Path path) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, json(MAPPER.getNodeFactory().textNode(FORMAT)));
        metadata.put(CONFIG_KEY, json(ConfigJson.write(model.config())));
        metadata.put(COMPILED_KEY, json(compiledJson(model)));
        SafetensorsWriter.write(path, TransformerTensors.write(model.weights()), metadata);
    }

    /**
     * Loads a compiled model, checking the metadata and every tensor against the configuration.
     *
     * @throws MalformedFileException naming the file and the field that is wrong
     */
    public static CompiledModel loadCompiled(Path path) {
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            MetadataReader r = new MetadataReader(path);
            JsonNode format = r.json(file.metadata(), FORMAT_KEY);
            if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
                throw new MalformedFileException(path, "metadata key '" + FORMAT_KEY + "' is " + format + ", expected \"" + FORMAT
                        + "\" (a newer Glassbox may have written it)");
            }
            TransformerConfig config = ConfigJson.read(r.json(file.metadata(), CONFIG_KEY), r);
            TransformerWeights weights = TransformerTensors.read(file, config);
            try {
                new Transformer(config, weights); // checks every tensor's shape against the config
            } catch (IllegalArgumentException e) {
                throw new MalformedFileException(path, e.getMessage());
            }
            JsonNode compiled = r.json(file.metadata(), COMPILED_KEY);
            try {
                return readCompiled(compiled, config, weights, r);
            } catch (IllegalArgumentException e) {
                throw r.error(COMPILED_KEY, e.getMessage());
            }
        }
    }

    private static ObjectNode compiledJson(CompiledModel m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("residual_labels", MAPPER.valueToTree(m.residualLabels()));
        ObjectNode input = o.putObject("input");
        input.set("tokens", MAPPER.valueToTree(m.input().tokens()));
        input.put("bos_id", m.input().bosId());
        input.put("pad_id", m.input().padId());
        input.put("max_seq_len", m.input().maxSeqLen());
        ObjectNode output = o.putObject("output");
        output.put("label", m.output().outputLabel());
        output.put("numerical", m.output().numerical());
        output.set("values", MAPPER.valueToTree(m.output().values()));
        CompileReport rep = m.report();
        ObjectNode report = o.putObject("report");
        report.put("mode", rep.mode());
        report.put("causal", rep.causal());
        report.set("heads_per_layer", MAPPER.valueToTree(rep.headsPerLayer()));
        report.set("mlp_hidden_per_layer", MAPPER.valueToTree(rep.mlpHiddenPerLayer()));
        var placements = report.putArray("placements");
        for (CompileReport.Placement p : rep.placements()) {
            ObjectNode x = placements.addObject();
            x.put("label", p.label());
            x.put("kind", p.kind());
            x.put("encoding", p.encoding());
            x.put("sublayer", p.sublayer());
        }
        o.put("program_source", m.programSource() == null ? "" : m.programSource());
        return o;
    }

    private static CompiledModel readCompiled(JsonNode o, TransformerConfig config, TransformerWeights weights, MetadataReader r) {
        List<String> labels = r.strings(o, "residual_labels");
        JsonNode in = r.object(o, "input");
        InputEncoding input = new InputEncoding(r.values(in, "tokens"), r.integer(in, "bos_id"), r.integer(in, "pad_id"),
                r.integer(in, "max_seq_len"));
        JsonNode out = r.object(o, "output");
        OutputDecoding output = new OutputDecoding(r.text(out, "label"), r.bool(out, "numerical"), r.values(out, "values"));
        JsonNode rep = r.object(o, "report");
        List<CompileReport.Placement> placements = new ArrayList<>();
        JsonNode ps = rep.get("placements");
        if (ps == null || !ps.isArray()) throw r.error(COMPILED_KEY + ".report.placements", "expected a list");
        for (JsonNode p : ps) {
            placements.add(new CompileReport.Placement(r.text(p, "label"), r.text(p, "kind"), r.text(p, "encoding"),
                    r.integer(p, "sublayer")));
        }
        CompileReport report = new CompileReport(r.text(rep, "mode"), r.bool(rep, "causal"), r.integers(rep, "heads_per_layer"),
                r.integers(rep, "mlp_hidden_per_layer"), placements);
        return new CompiledModel(config, weights, labels, input, output, report, r.text(o, "program_source"));
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
