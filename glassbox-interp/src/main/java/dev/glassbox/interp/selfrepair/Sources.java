package dev.glassbox.interp.selfrepair;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.model.CachedRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Where ablated values come from. Activations are replaced at every position, so a source must have the
 * prompt's token length. From a prompt set: prompt k resamples from the next prompts of its length in set
 * order (wrapping round, never itself), and its mean is over every prompt of its length, itself included.
 * From explicit references: those of the prompt's length, for both.
 */
final class Sources {
    private final List<Prompt> prompts;
    private final List<CachedRun> runs;
    private final boolean fromSet;

    private Sources(List<Prompt> prompts, List<CachedRun> runs, boolean fromSet) {
        this.prompts = prompts;
        this.runs = runs;
        this.fromSet = fromSet;
    }

    static Sources fromSet(List<Prompt> prompts, List<CachedRun> runs) {
        return new Sources(prompts, runs, true);
    }

    static Sources fromReferences(List<Prompt> references, List<CachedRun> runs) {
        return new Sources(references, runs, false);
    }

    List<CachedRun> resample(int index, Prompt prompt, int samples) {
        List<CachedRun> out = new ArrayList<>();
        int n = prompts.size();
        for (int step = 0; step < n && out.size() < samples; step++) {
            int j = fromSet ? (index + 1 + step) % n : step;
            if (fromSet && j == index) continue;
            if (prompts.get(j).length() == prompt.length()) out.add(runs.get(j));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("resample ablation needs another prompt of the same token length as '"
                    + prompt.text() + "' (" + prompt.length() + " tokens) to take activations from, and "
                    + (fromSet ? "the prompt set" : "the references") + " has none; give prompts of equal token length,"
                    + " --reference prompts of that length, or use --ablation zero");
        }
        return out;
    }

    List<CachedRun> meanSet(Prompt prompt) {
        List<CachedRun> out = new ArrayList<>();
        for (int j = 0; j < prompts.size(); j++) if (prompts.get(j).length() == prompt.length()) out.add(runs.get(j));
        if (out.isEmpty()) {
            throw new InvalidInputException("mean ablation needs prompts of the same token length as '" + prompt.text()
                    + "' (" + prompt.length() + " tokens) to average; the references have none");
        }
        return out;
    }
}
