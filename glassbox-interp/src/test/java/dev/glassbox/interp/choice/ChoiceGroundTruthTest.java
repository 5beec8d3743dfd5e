package dev.glassbox.interp.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.model.CompiledInterpModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The multiple-choice machinery on a model whose answers and circuit are known ({@link LabelCopyModel}):
 * every variant is answered right, the writer head carries the whole answer's DLA, and patching at the answer
 * position restores the answer through that head alone.
 */
class ChoiceGroundTruthTest {
    static final double EXACT = 1e-5;

    @ParameterizedTest
    @EnumSource(LabelVariant.class)
    void everyVariantIsAnsweredRight(LabelVariant variant) {
        CompiledInterpModel model = LabelCopyModel.get();
        ChoiceResult r = new ChoiceScorer(model, ChoiceFormat.tokens(), variant, 7).score(LabelCopyModel.questions());
        assertEquals(6, r.scores().size());
        assertEquals(1.0, r.accuracy(), 0.0);
        assertEquals(0.25, r.chance(), 1e-12);
        for (ChoiceScore s : r.scores()) {
            List<String> labels = s.prompt().labels();
            switch (variant) {
                case PLAIN -> assertEquals(List.of("A", "B", "C", "D"), labels);
                case SHUFFLED -> {
                    assertNotEquals(List.of("A", "B", "C", "D"), labels);
                    assertEquals(List.of("A", "B", "C", "D"), labels.stream().sorted().toList());
                }
                case RANDOM -> assertTrue(labels.stream().noneMatch(l -> l.compareTo("D") <= 0), labels.toString());
            }
            assertTrue(s.prompt().text().startsWith(s.prompt().question().question() + " " + labels.get(0) + " x "), s.prompt().text());
        }
    }

    @ParameterizedTest
    @EnumSource(LabelVariant.class)
    void theWriterHeadCarriesTheAnswerAndNothingElseDoes(LabelVariant variant) {
        CompiledInterpModel model = LabelCopyModel.get();
        List<ChoicePrompt> prompts = new ChoiceScorer(model, ChoiceFormat.tokens(), variant, 3).prompts(LabelCopyModel.questions());
        List<Attribution> all = new ArrayList<>();
        for (ChoicePrompt p : prompts) {
            Attribution a = AnswerAttribution.of(model, p);
            all.add(a);
            assertEquals(a.logit(), a.total(), EXACT);
            assertTrue(a.logit() > 0.5, a.toString());
            for (ComponentScore s : a.components()) {
                assertEquals(s.component().equals(LabelCopyModel.WRITER) ? a.logit() - a.biases() : 0.0, s.dla(), EXACT, s.component());
            }
        }
        double mean = AnswerAttribution.mean(all).stream().filter(s -> s.component().equals(LabelCopyModel.WRITER))
                .findFirst().orElseThrow().dla();
        assertEquals(all.stream().mapToDouble(a -> a.logit() - a.biases()).average().orElseThrow(), mean, EXACT);
    }

    /**
     * Clean and corrupt differ in two label tokens. At the answer position only the writer head (and its
     * attention sublayer) restore the answer; at the right label's position the token embedding does (the
     * writer reads the label there), and the other label's position matters not at all.
     */
    @ParameterizedTest
    @EnumSource(LabelVariant.class)
    void answerPatchingFindsTheWriterAndTheLabelItReads(LabelVariant variant) {
        CompiledInterpModel model = LabelCopyModel.get();
        List<ChoicePrompt> prompts = new ChoiceScorer(model, ChoiceFormat.tokens(), variant, 5).prompts(LabelCopyModel.questions());
        AnswerPatchingResult r = AnswerPatching.run(model, prompts, ChoiceFormat.tokens());
        assertEquals(6, r.questions(), r.skipped().toString());
        assertTrue(r.separates(), "the model answers clean and corrupt prompts right");
        var c = model.transformer().config();
        assertEquals(6 * ((2 + 2 * c.nLayers()) * 3 + c.nLayers() * c.nHeads() + 2), r.forwardPasses(),
                "per question: embeddings and sublayers at 3 positions, heads at 1, and the 2 baselines");
        for (RoleEffect e : r.effects()) {
            boolean restores = e.role().equals(AnswerPatching.ANSWER)
                    && (e.component().equals(LabelCopyModel.WRITER) || e.component().equals("blocks.1.attn"))
                    || e.role().equals(AnswerPatching.RIGHT_LABEL) && e.component().equals("embed");
            assertEquals(restores ? 1.0 : 0.0, e.effect(), EXACT, e.toString());
        }
    }
}
