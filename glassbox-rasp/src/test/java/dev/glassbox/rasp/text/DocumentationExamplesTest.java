package dev.glassbox.rasp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.rasp.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The programs shown in docs/rasp.md (its ```python blocks) parse and run, so the reference stays true. */
class DocumentationExamplesTest {

    @Test
    void everyProgramInTheLanguageReferenceParses() throws IOException {
        String doc = Files.readString(ExampleFiles.languageReference());
        Matcher m = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> programs = new ArrayList<>();
        while (m.find()) programs.add(m.group(1));
        assertTrue(programs.size() >= 3, "found " + programs.size() + " examples");
        for (String program : programs) {
            RaspProgram p = RaspParser.parse(program, "rasp.md");
            Evaluator.standard().evaluate(p.output(), List.of(1, 2, 3));
        }
        RaspProgram reverse = RaspParser.parse(programs.getFirst(), "rasp.md");
        assertEquals(List.of("c", "b", "a"), Evaluator.standard().evaluate(reverse.output(), List.of("a", "b", "c")));
    }
}
