package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Direct logit attribution on compiled programs: the output S-Op's residual dimensions are written by
 * exactly one sublayer (where the compiler placed it), and the unembedding reads only those, so that
 * sublayer's heads or MLP carry the whole logit and every other component exactly nothing. A
 * SelectorWidth's head carries x = 1/(w+1) of it on the output's first value, as constructed.
 */
class GroundTruthAttributionTest {

    static List<GroundTruth.Program> programs() {
        return GroundTruth.PROGRAMS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theWriterOfTheOutputCarriesTheWholeLogit(GroundTruth.Program program) {
        CompiledInterpModel model = CompiledPrograms.get(program.name());
        for (String input : program.inputs()) {
            Prompt prompt = model.prompt(input);
            float[][] logits = model.transformer().forward(prompt.tokens());
            int[] answers = Predictions.argmax(logits);
            for (int p = 1; p < prompt.length(); p++) {
                LogitTarget target = LogitTarget.logit(answers[p]);
                for (AttributionLevel level : AttributionLevel.values()) {
                    Attribution a = DirectLogitAttribution.attribute(model.transformer(), prompt.tokens(), p, target,
                            target.describe(model), level, false);
                    Set<String> writers = program.writersAt(level, model.outputLabel(answers[p]).equals("None"));
                    double fromWriters = 0;
                    for (ComponentScore s : a.components()) {
                        if (writers.contains(s.component()) || program.writerNeurons(s.component())) {
                            fromWriters += s.dla();
                        } else {
                            assertEquals(0, s.dla(), 1e-6, program.name() + " '" + input + "' @" + p + " " + s.component());
                        }
                    }
                    assertEquals(a.logit() - a.biases(), fromWriters, 1e-5, program.name() + " '" + input + "' @" + p + " " + level);
                    assertEquals(a.logit(), a.total(), 1e-5);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorWidths")
    void aSelectorWidthsHeadWritesOneOverWidthPlusOneIntoTheFirstOutput(String name) {
        CompiledInterpModel model = CompiledPrograms.get(name);
        String head = GroundTruth.PROGRAMS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().writers().get(0);
        for (String input : GroundTruth.PROGRAMS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().inputs()) {
            Prompt prompt = model.prompt(input);
            int[] answers = Predictions.argmax(model.transformer().forward(prompt.tokens()));
            for (int p = 1; p < prompt.length(); p++) {
                int answer = answers[p];
                double w = model.numericalOutput() ? model.transformer().forward(prompt.tokens())[p][0]
                        : Double.parseDouble(model.outputLabel(answer));
                Attribution a = DirectLogitAttribution.attribute(model.transformer(), prompt.tokens(), p,
                        LogitTarget.logit(answer), "", AttributionLevel.HEAD, false);
                double expected = model.numericalOutput() || answer == 0 ? 1 / (w + 1) : 0;
                assertEquals(expected, a.dla(head), 1e-5, name + " '" + input + "' @" + p);
            }
        }
    }

    static List<String> selectorWidths() {
        return List.of("hist", "length", "count", "count_less_freq", "length_numerical");
    }
}
