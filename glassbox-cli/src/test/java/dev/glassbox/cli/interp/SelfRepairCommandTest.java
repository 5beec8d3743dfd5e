package dev.glassbox.cli.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glassbox interp self-repair on the compiled reverse program: its JSON, its report, and bad input. */
class SelfRepairCommandTest {
    @TempDir static Path dir;
    static String model;

    @BeforeAll
    static void compileReverse() {
        model = dir.resolve("reverse.safetensors").toString();
        assertEquals(0, InterpCli.run("compile", "lib:reverse", "-o", model).status());
    }

    @Test
    void theWriterHeadsTotalEffectIsItsDirectEffect() throws Exception {
        InterpCli r = InterpCli.run("interp", "self-repair", "--model", model, "--prompt", "a b c", "--reference", "c a b",
                "--samples", "1", "--json");
        assertEquals(0, r.status(), r.toString());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("resample", o.get("ablation").asText());
        assertEquals("frozen", o.get("scale").asText());
        JsonNode writer = null;
        for (JsonNode c : o.get("summary")) if (c.get("component").asText().equals("blocks.2.attn.head.0")) writer = c;
        assertTrue(writer != null && Math.abs(writer.get("direct").asDouble()) > 0.1, o.toString());
        assertEquals(writer.get("direct").asDouble(), writer.get("total").asDouble(), 1e-5);
        assertEquals(0.0, writer.get("attention").asDouble(), 1e-6);
        assertEquals("a", o.get("prompts").get(0).get("target").asText());
        assertTrue(o.get("layer_matrix").get("rows").size() == 6 && o.has("head_matrix") && o.get("fits").size() > 0);
    }

    @Test
    void aPromptFileGivesAReportAndASummary() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.txt"), "# reverse\na b c\tnote\nc a b\nb b a\n");
        Path html = dir.resolve("sr.html");
        InterpCli r = InterpCli.run("interp", "self-repair", "--model", model, "--prompts", prompts.toString(), "-o", html.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("blocks.2.attn.head.0") && r.out().contains("forward passes"), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("y = x") && page.contains("frozen from the clean run"), "report");
    }

    private static String fails(String... args) {
        InterpCli r = InterpCli.run(args);
        assertEquals(2, r.status(), r.toString());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        return r.err();
    }

    @Test
    void badInputIsOneClearMessage() throws Exception {
        Path uneven = Files.writeString(dir.resolve("uneven.txt"), "a b c\nc a\n");
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompts", uneven.toString()).contains("same token length"));
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompts", dir.resolve("none.txt").toString()).contains("none.txt"));
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing here\n\n");
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompts", empty.toString()).contains("no prompt"));
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompt", "a b c", "--ablation", "zero", "--position", "7")
                .contains("0..3"));
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompt", "a b c", "--ablation", "half").contains("resample"));
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompt", "a b c", "--scale", "fixed").contains("frozen"));
        assertTrue(fails("interp", "self-repair", "--model", model, "--prompt", "a b d").contains("d"));
        assertTrue(fails("interp", "self-repair", "--model", model).contains("--prompt"));
    }
}
