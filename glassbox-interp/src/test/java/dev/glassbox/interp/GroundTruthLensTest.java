package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.lens.LensOptions;
import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.lens.LogitLens;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The logit lens on compiled programs: the output's dimensions hold their final value from the sublayer
 * that writes them last, and not before; so the first lens stage that equals the output is the one just
 * after that sublayer (stages: 0_pre, 0_mid, 1_pre, ..., one per sublayer boundary). A SelectorWidth
 * whose every answer is its first value (a count of 0) is complete after its head: the head writes
 * x = 1 into the first direction and the MLP adds e_first - x e_first = 0.
 */
class GroundTruthLensTest {

    static List<GroundTruth.Program> programs() {
        return GroundTruth.PROGRAMS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theAnswerAppearsJustAfterItsWriter(GroundTruth.Program program) {
        CompiledInterpModel model = CompiledPrograms.get(program.name());
        int afterWriters = program.writers().stream().mapToInt(GroundTruthLensTest::sublayer).max().orElseThrow() + 1;
        boolean selectorWidth = program.writers().size() == 2 && program.writers().get(1).endsWith(".mlp")
                && program.writers().get(0).contains(".head.");
        for (String input : program.inputs()) {
            Prompt prompt = model.prompt(input);
            LensResult lens = LogitLens.run(model.transformer(), prompt.tokens(), LensOptions.defaults());
            int[] answers = Predictions.argmax(model.transformer().forward(prompt.tokens()));
            boolean allZero = !model.numericalOutput()
                    && java.util.stream.IntStream.range(1, answers.length).allMatch(p -> model.outputLabel(answers[p]).equals("0"));
            int expected = selectorWidth && allZero ? afterWriters - 1 : afterWriters;
            assertEquals(expected, firstFinalStage(lens), program.name() + " '" + input + "' stages " + lens.stages());
        }
    }

    /** 2L for a head of block L, 2L + 1 for its MLP. */
    static int sublayer(String component) {
        int layer = Integer.parseInt(component.split("\\.")[1]);
        return component.contains(".attn") ? 2 * layer : 2 * layer + 1;
    }

    /** The first stage whose logits equal the last stage's at every position (from the first input token on). */
    static int firstFinalStage(LensResult lens) {
        int last = lens.stages().size() - 1;
        for (int s = 0; s <= last; s++) {
            boolean same = true;
            for (int p = 1; p < lens.positions() && same; p++) {
                for (int o = 0; o < lens.logits()[s][p].length; o++) {
                    if (Math.abs(lens.logit(s, p, o) - lens.logit(last, p, o)) > 1e-5) same = false;
                }
            }
            if (same) return s;
        }
        return last;
    }
}
