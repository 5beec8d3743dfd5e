package dev.glassbox.cli.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interp attention} and {@code interp svd} on the compiled reverse program, whose heads are known. */
class AttentionSvdCommandsTest {
    @TempDir static Path dir;
    static String model;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void compileReverse() {
        model = dir.resolve("reverse.safetensors").toString();
        InterpCli c = InterpCli.run("compile", "lib:reverse", "-o", model);
        assertEquals(0, c.status(), c.toString());
    }

    private JsonNode ok(String... args) throws Exception {
        InterpCli r = InterpCli.run(args);
        assertEquals(0, r.status(), r.toString());
        return json.readTree(r.out());
    }

    /** reverse's layer-0 head is length's SelectorWidth: every query spreads evenly, 1/(n+1) on BOS. */
    @Test
    void attentionScoresEveryHeadAndShowsOnePrompt() throws Exception {
        JsonNode o = ok("interp", "attention", "--model", model, "--input", "a b c", "--input", "b b", "--view", "1", "--json");
        assertEquals(2, o.get("prompts").size());
        assertEquals("first_token", o.get("detectors").get(2).get("detector").asText());
        assertEquals((3 * 0.25 + 2 / 3.0) / 5, o.get("detectors").get(2).get("scores").get(0).get(0).asDouble(), 1e-5);
        assertEquals(1, o.get("view").get("prompt").asInt());
        assertEquals(3, o.get("view").get("patterns").get(2).get(0).size()); // [layer 2][head 0][3 queries]
        Path html = dir.resolve("attention.html");
        InterpCli r = InterpCli.run("interp", "attention", "--model", model, "--repeated", "2", "--samples", "2", "-o", html.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("previous_token") && r.out().contains("wrote"), r.out());
        assertTrue(Files.readString(html).contains("gb-head"));
    }

    /** W_QK of reverse's heads: length's has rank 2, reverse's 6 (5 index relations + BOS); its W_OV moves 3 tokens. */
    @Test
    void svdGivesRanksAndAFlatCurveFromTheRankOn() throws Exception {
        JsonNode o = ok("interp", "svd", "--model", model, "--head", "blocks.2.attn.head.0", "--head", "blocks.0.attn.head.0",
                "--input", "a b c", "--input", "c a b b", "--subspace", "query,value", "--ks", "1,5,6", "--json");
        JsonNode reverse = o.get("heads").get(0);
        assertEquals("blocks.2.attn.head.0", reverse.get("head").asText());
        assertEquals(6, reverse.get("qk").get("rank").asInt());
        assertEquals(3, reverse.get("ov").get("rank").asInt());
        assertEquals(2, o.get("heads").get(1).get("qk").get("rank").asInt());
        JsonNode curves = o.get("compression").get("curves");
        assertEquals(4, curves.size());
        JsonNode query = curves.get(0);
        assertEquals("query", query.get("subspace").asText());
        assertEquals(0.0, query.get("points").get(2).get("max_logit_change").asDouble(), 1e-4);
        assertTrue(query.get("points").get(0).get("max_logit_change").asDouble() > 0.1);
        assertEquals(1, o.get("compression").get("from_position").asInt());
        Path html = dir.resolve("svd.html");
        InterpCli r = InterpCli.run("interp", "svd", "--model", model, "--input", "a b", "-o", html.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.readString(html).contains("Compression"));
    }

    @Test
    void badInputSaysWhatToDo() {
        InterpCli r = InterpCli.run("interp", "svd", "--model", model, "--head", "blocks.0.mlp");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("not an attention head"), r.err());
        r = InterpCli.run("interp", "svd", "--model", model, "--input", "a", "--subspace", "queries");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("query, key or value"), r.err());
        r = InterpCli.run("interp", "attention", "--model", model);
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("--input"), r.err());
        r = InterpCli.run("interp", "attention", "--model", model, "--repeated", "3");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("compiled for at most"), r.err());
    }
}
