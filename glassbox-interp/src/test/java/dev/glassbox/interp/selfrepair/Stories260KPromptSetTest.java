package dev.glassbox.interp.selfrepair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.LanguageModelFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prompt sets shipped for stories260K (examples/prompts/) are what they say: rebuilt by the documented
 * procedure, 16 tokens each, the model confident of the recorded next token; the swap pairs change the answer.
 */
class Stories260KPromptSetTest {
    static final Path BIN = SharedFiles.require("models/stories260K/stories260K.bin");
    static final Path TOK = SharedFiles.require("models/stories260K/tok512.bin");
    static final InterpModel MODEL = InterpModels.load(BIN, TOK);
    static final Path PROMPTS = Path.of("../examples/prompts/stories260k-confident.txt");
    static final Path SWAPS = Path.of("../examples/prompts/stories260k-swaps.txt");

    @Test
    void everyShippedPromptIsConfidentOfItsRecordedNextToken() {
        List<List<String>> entries = PromptFile.entries(PROMPTS);
        assertTrue(entries.size() >= 100, entries.size() + " prompts");
        for (List<String> e : entries) {
            Prompt p = MODEL.prompt(e.get(0));
            assertEquals(16, p.length(), e.get(0));
            float[] last = MODEL.transformer().forward(p.tokens())[15];
            int best = Predictions.argmax(new float[][] {last})[0];
            assertEquals(e.get(1), MODEL.outputLabel(best), e.get(0));
            double z = 0;
            for (float v : last) z += Math.exp(v - last[best]);
            assertTrue(1 / z >= 0.7, e.get(0));
            assertEquals(Double.parseDouble(e.get(2)), 1 / z, 2e-3, e.get(0));
        }
    }

    @Test
    void theProcedureRebuildsTheSetsFirstPrompts() {
        LanguageModel lm = LanguageModelFiles.load(BIN, TOK);
        List<ConfidentPrompts.ConfidentPrompt> rebuilt = ConfidentPrompts.build(lm,
                ConfidentPrompts.Settings.stories260k().withMaxStories(3));
        assertFalse(rebuilt.isEmpty());
        List<String> shipped = PromptFile.read(PROMPTS);
        for (int i = 0; i < rebuilt.size(); i++) assertEquals(shipped.get(i), rebuilt.get(i).text());
        List<SwapPairs.Pair> pairs = SwapPairs.build(lm, shipped.subList(0, 8), SwapPairs.GENDER);
        List<List<String>> shippedPairs = PromptFile.entries(SWAPS);
        for (int i = 0; i < pairs.size(); i++) assertEquals(shippedPairs.get(i).get(1), pairs.get(i).corrupt());
    }

    @Test
    void everySwapPairHasOneLengthAndChangesTheAnswer() {
        for (List<String> e : PromptFile.entries(SWAPS)) {
            Prompt clean = MODEL.prompt(e.get(0)), corrupt = MODEL.prompt(e.get(1));
            assertEquals(clean.length(), corrupt.length(), e.toString());
            int swapped = Integer.parseInt(e.get(2)), last = clean.length() - 1;
            for (int i = 0; i < clean.length(); i++) {
                assertEquals(i == swapped, clean.tokens()[i] != corrupt.tokens()[i], e + " @" + i);
            }
            assertEquals(e.get(3), MODEL.outputLabel(Predictions.argmax(MODEL.transformer().forward(clean.tokens()))[last]));
            assertEquals(e.get(4), MODEL.outputLabel(Predictions.argmax(MODEL.transformer().forward(corrupt.tokens()))[last]));
        }
    }

    /** On the real model with its RMSNorm: nothing follows the last layer, so only the norm can repair it. */
    @Test
    void selfRepairOnAFewPromptsOfTheSet() {
        List<Prompt> prompts = PromptFile.read(PROMPTS).subList(0, 4).stream().map(MODEL::prompt).toList();
        SelfRepairResult r = SelfRepair.run(MODEL, prompts, SelfRepairOptions.defaults().withSamples(2));
        assertEquals(4 + 4 * 50 * 2, r.forwardPasses(), "5 layers x (8 heads + attention + MLP), 2 sources each");
        for (PromptRepair p : r.prompts()) {
            for (ComponentRepair c : p.components()) {
                assertEquals(c.total(), c.direct() - c.attention() - c.mlp() + c.remainder(), 1e-9);
                if (c.part().layer() == 4 && c.part().kind() == Part.Kind.MLP) assertEquals(0.0, c.compensation(), 0.0);
                if (c.part().layer() == 4) assertEquals(0.0, c.attention(), 0.0, c.part().name());
            }
        }
    }
}
