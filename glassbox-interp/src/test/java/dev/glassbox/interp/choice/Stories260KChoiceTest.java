package dev.glassbox.interp.choice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MMLU questions put to stories260K: labels scored as single tokens after "Answer: ". */
class Stories260KChoiceTest {
    static final InterpModel MODEL = InterpModels.load(SharedFiles.require("models/stories260K/stories260K.bin"),
            SharedFiles.require("models/stories260K/tok512.bin"));

    @Test
    void labelsAreBareLettersAfterASpace() {
        LabelTokens t = LabelTokens.resolve(MODEL, List.of("A", "B", "C", "D"));
        assertEquals(" ", t.separator(), "' A' is not one token of tok512");
        assertArrayEquals(new int[] {MODEL.outputIndex("A"), MODEL.outputIndex("B"), MODEL.outputIndex("C"), MODEL.outputIndex("D")},
                t.ids());
        Prompt p = MODEL.prompt(ChoicePrompt.of(LabelCopyModel.question(0), List.of("A", "B", "C", "D"), ChoiceFormat.mmlu(), " ").text());
        assertEquals(" ", p.labels().getLast(), "the prompt ends with the space the label follows: " + p.labels());
        assertEquals(" ", LabelTokens.resolve(MODEL, LabelVariant.RANDOM_POOL).separator(), "every random label is a token too");
    }

    @Test
    void devQuestionsAreScored() {
        List<Question> questions = new Mmlu(SharedFiles.require("data/mmlu")).questions("high_school_geography", "dev");
        for (LabelVariant v : LabelVariant.values()) {
            ChoiceResult r = new ChoiceScorer(MODEL, ChoiceFormat.mmlu(), v, 1).score(questions);
            assertEquals(questions.size(), r.scores().size() + r.skipped().size());
            assertEquals(r.scores().size(), r.forwardPasses());
            for (ChoiceScore s : r.scores()) {
                assertTrue(s.labelMass() > 0 && s.labelMass() < 1, s.toString());
                assertEquals(1.0, java.util.Arrays.stream(s.labelProbabilities()).sum(), 1e-9);
            }
        }
    }
}
