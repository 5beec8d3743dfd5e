package dev.glassbox.rasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.core.SharedFiles;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our evaluator against the original Tracr evaluator's outputs for all 16 library programs. */
class ReferenceEvaluationTest {

    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(SharedFiles.require("reference/tracr-lib-reference.json").toFile());
    }

    static Object value(JsonNode n) {
        if (n.isNull()) return null;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isInt()) return n.intValue();
        if (n.isNumber()) return n.doubleValue();
        return n.textValue();
    }

    static List<Object> values(JsonNode array) {
        List<Object> out = new ArrayList<>();
        array.forEach(n -> out.add(value(n)));
        return out;
    }

    @Test
    void everyLibraryProgramMatchesTracrsEvaluator() throws IOException {
        JsonNode programs = reference().get("programs");
        List<LibraryProgram> library = Library.all();
        assertEquals(16, programs.size());
        assertEquals(16, library.size());
        int checked = 0;
        for (int i = 0; i < programs.size(); i++) {
            JsonNode ref = programs.get(i);
            LibraryProgram program = library.get(i);
            assertEquals(values(ref.get("vocab")), program.vocab(), program.name() + " vocab");
            assertEquals(ref.get("max_seq_len").intValue(), program.maxSeqLen(), program.name());
            SOp sop = program.build();
            for (JsonNode pair : ref.get("rasp_eval")) {
                List<Object> input = values(pair.get("input"));
                List<Object> expected = values(pair.get("output"));
                List<Object> actual = Evaluator.standard().evaluate(sop, input);
                assertEquals(expected.size(), actual.size());
                for (int p = 0; p < expected.size(); p++) {
                    assertTrue(Values.equal(expected.get(p), actual.get(p)),
                            program.name() + " on " + input + ": expected " + expected + ", got " + actual);
                }
                checked++;
            }
        }
        assertTrue(checked >= 16 * 3, "checked only " + checked);
    }
}
