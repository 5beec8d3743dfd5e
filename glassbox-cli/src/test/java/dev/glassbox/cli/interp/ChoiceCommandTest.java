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

/**
 * glassbox interp choice on a compiled model that answers by construction: "qK L0 x L1 x L2 x L3 x ?" outputs
 * option K's label (the question names the right option), so every variant scores 1 and the writer head
 * carries the answer.
 */
class ChoiceCommandTest {
    @TempDir static Path dir;
    static String model, questions;

    @BeforeAll
    static void compileLabelCopy() throws Exception {
        Path rasp = Files.writeString(dir.resolve("label-copy.rasp"), """
                vocab {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T",
                       "U", "V", "W", "X", "Y", "Z", "q0", "q1", "q2", "q3", "x", "?"}
                max_seq_len 10
                question = aggregate(select(indices, indices, lambda k, q: k == 0), tokens)
                where = map(lambda t: 1 if t == "q0" else (3 if t == "q1" else (5 if t == "q2" else 7)), question)
                answer = aggregate(select(indices, where, EQ), tokens)
                """);
        model = dir.resolve("label-copy.safetensors").toString();
        InterpCli c = InterpCli.run("compile", rasp.toString(), "-o", model);
        assertEquals(0, c.status(), c.toString());
        questions = Files.writeString(dir.resolve("q.csv"), "q2,x,x,x,x,C\nq0,x,x,x,x,A\n\"q3\",x,x,x,x,D\nq1,x,x,x,x,B\n").toString();
    }

    @Test
    void everyVariantIsAnsweredAndAttributedToTheWriter() throws Exception {
        for (String variant : new String[] {"plain", "shuffled", "random"}) {
            InterpCli r = InterpCli.run("interp", "choice", "--model", model, "--questions", questions, "--variant", variant,
                    "--patch", "2", "--json");
            assertEquals(0, r.status(), r.toString());
            JsonNode o = new ObjectMapper().readTree(r.out());
            assertEquals(1.0, o.get("accuracy").asDouble(), 0.0, variant);
            assertEquals(0.25, o.get("chance").asDouble(), 1e-12);
            assertEquals("tokens", o.get("format").asText());
            JsonNode top = o.get("attribution").get("components").get(0);
            for (JsonNode c : o.get("attribution").get("components")) if (Math.abs(c.get("dla").asDouble()) > Math.abs(top.get("dla").asDouble())) top = c;
            assertEquals("blocks.1.attn.head.0", top.get("component").asText());
            for (JsonNode e : o.get("patching").get("effects")) {
                if (e.get("component").asText().equals("blocks.1.attn.head.0")) assertEquals(1.0, e.get("effect").asDouble(), 1e-5);
            }
        }
    }

    @Test
    void aReportAndASummary() throws Exception {
        Path html = dir.resolve("choice.html");
        InterpCli r = InterpCli.run("interp", "choice", "--model", model, "--questions", questions, "--count", "3", "-o", html.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("accuracy 1.0000") && r.out().contains("3 questions"), r.out());
        assertTrue(Files.readString(html).contains("Direct logit attribution"), "report");
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
        assertTrue(fails("interp", "choice", "--model", model, "--mmlu-subject", "astronomi").contains("astronomy"));
        assertTrue(fails("interp", "choice", "--model", model, "--mmlu-subject", "astronomy", "--split", "train").contains("dev, val"));
        assertTrue(fails("interp", "choice", "--model", model, "--questions", questions, "--variant", "odd").contains("shuffled"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "q1,x,x,x,x,Z\n");
        assertTrue(fails("interp", "choice", "--model", model, "--questions", bad.toString()).contains("record 1"));
        String reverse = dir.resolve("reverse.safetensors").toString();
        assertEquals(0, InterpCli.run("compile", "lib:reverse", "-o", reverse).status());
        assertTrue(fails("interp", "choice", "--model", reverse, "--questions", questions).contains("not one token"));
        assertTrue(fails("interp", "choice", "--model", model).contains("--mmlu-subject"));
    }
}
