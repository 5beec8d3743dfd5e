package dev.glassbox.interp.choice;

import dev.glassbox.interp.attribution.ComponentScore;
import java.util.List;

/**
 * Everything the choice command reports: the scores, and, when asked for, the mean answer DLA over the
 * scored questions and answer patching over the first few.
 *
 * @param attribution mean DLA of (right label - mean of the others) per component, or null
 * @param attributed how many questions the mean is over
 * @param patching answer patching, or null
 */
public record ChoiceAnalysis(ChoiceResult scores, List<ComponentScore> attribution, int attributed,
        AnswerPatchingResult patching) {}
