package dev.glassbox.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.core.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The original compiler's shapes for the 16 library programs ({@code shared/reference/tracr-lib-reference.json}). */
final class Reference {
    private Reference() {}

    private static List<JsonNode> programs;

    static synchronized List<JsonNode> programs() {
        if (programs == null) {
            try {
                JsonNode root = new ObjectMapper().readTree(SharedFiles.require("reference/tracr-lib-reference.json").toFile());
                List<JsonNode> out = new ArrayList<>();
                root.get("programs").forEach(out::add);
                programs = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return programs;
    }

    static int totalLayers() {
        return programs().stream().mapToInt(p -> p.get("shape").get("num_layers").asInt()).sum();
    }

    static int totalResidual() {
        return programs().stream().mapToInt(p -> p.get("shape").get("residual_dim").asInt()).sum();
    }
}
