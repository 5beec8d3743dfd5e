package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command forms scripts rely on. */
class CommandsTest {
    @TempDir Path dir;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void compileJsonHasTheShape() throws Exception {
        CliRun r = CliRun.of("compile", "lib:reverse", "--compat", "tracr", "--json");
        assertEquals(0, r.status(), r.toString());
        JsonNode o = json.readTree(r.out());
        assertEquals(4, o.get("num_layers").intValue());
        assertEquals(List.of(1, 0, 0, 1), json.convertValue(o.get("heads_per_layer"), List.class));
        assertEquals(List.of(12, 30, 10, 0), json.convertValue(o.get("mlp_hidden_per_layer"), List.class));
        assertEquals(41, o.get("residual_dim").intValue());
    }

    @Test
    void compileARaspFileRunAndVerifyIt() throws Exception {
        Path model = dir.resolve("reverse.safetensors");
        Path program = Path.of("../examples/tracr-lib/reverse.rasp");
        CliRun c = CliRun.of("compile", program.toString(), "--vocab", "a,b,c", "--max-seq-len", "5", "-o", model.toString());
        assertEquals(0, c.status(), c.toString());

        CliRun run = CliRun.of("run", model.toString(), "--input", "a b c", "--json");
        assertEquals(0, run.status(), run.toString());
        JsonNode o = json.readTree(run.out());
        assertEquals(List.of("a", "b", "c"), json.convertValue(o.get("input"), List.class));
        assertEquals(List.of("c", "b", "a"), json.convertValue(o.get("output"), List.class));

        CliRun text = CliRun.of("run", model.toString(), "--input", "b a");
        assertEquals("a b", text.out().strip());

        CliRun verify = CliRun.of("verify", model.toString(), "--json");
        assertEquals(0, verify.status(), verify.toString());
        JsonNode v = json.readTree(verify.out());
        assertEquals(3 + 9 + 27 + 81 + 243, v.get("checked").intValue());
        assertEquals(0, v.get("mismatches").intValue());
    }

    @Test
    void runPrintsNumbersAndBooleansAsJsonValues() throws Exception {
        Path model = dir.resolve("frac.safetensors");
        assertEquals(0, CliRun.of("compile", "lib:frac_prevs", "-o", model.toString()).status());
        JsonNode o = json.readTree(CliRun.of("run", model.toString(), "--input", "a b", "--json").out());
        assertEquals(1.0, o.get("output").get(0).doubleValue(), 1e-3);
        assertEquals(0.5, o.get("output").get(1).doubleValue(), 1e-3);
        Path shift = dir.resolve("shift.safetensors");
        assertEquals(0, CliRun.of("compile", "lib:shift_by", "-o", shift.toString()).status());
        JsonNode s = json.readTree(CliRun.of("run", shift.toString(), "--input", "a b", "--json").out());
        assertTrue(s.get("output").get(0).isNull(), s.toString());
        assertEquals("a", s.get("output").get(1).textValue());
    }

    @Test
    void verifyAProgramFileDirectly() throws Exception {
        CliRun v = CliRun.of("verify", "lib:sort", "--max-len", "3", "--json");
        assertEquals(0, v.status(), v.toString());
        assertEquals(3 + 9 + 27, json.readTree(v.out()).get("checked").intValue());
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String[] args : new String[][] {{"compile", "--help"}, {"bench", "--help"}, {"interp", "patch", "--help"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(0, r.status(), r.toString());
            assertTrue(r.out().contains("Usage: glassbox " + args[0]), r.toString());
        }
    }

    @Test
    void libraryProgramsAreRebuiltForTheRequestedLength() throws Exception {
        // sort makes its keys unique as key + i/max_seq_len: at length 6 it must be rebuilt for 6.
        Path model = dir.resolve("sort6.safetensors");
        CliRun c = CliRun.of("compile", "lib:sort", "--max-seq-len", "6", "-o", model.toString());
        assertEquals(0, c.status(), c.toString());
        CliRun v = CliRun.of("verify", model.toString(), "--json");
        assertEquals(0, v.status(), v.toString());
        assertEquals(3 + 9 + 27 + 81 + 243 + 729, json.readTree(v.out()).get("checked").intValue());
    }

    @Test
    void residualFigureIsWrittenAsPngAndHtml() throws Exception {
        Path model = dir.resolve("hist.safetensors");
        assertEquals(0, CliRun.of("compile", "lib:hist", "-o", model.toString()).status());
        Path png = dir.resolve("hist.png"), html = dir.resolve("hist.html");
        assertEquals(0, CliRun.of("residual", model.toString(), "--input", "a b a", "-o", png.toString()).status());
        assertEquals(0, CliRun.of("residual", model.toString(), "--input", "a b a", "-o", html.toString()).status());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G');
        String page = Files.readString(html);
        assertTrue(page.contains("tokens:a") && page.contains("hist:2") && page.contains("layer 0 attn"), page.substring(0, 500));
    }
}
