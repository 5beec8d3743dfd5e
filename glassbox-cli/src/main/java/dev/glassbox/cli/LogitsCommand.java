package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.LanguageModelFiles;
import dev.glassbox.model.tokenizer.Tokenizer;
import dev.glassbox.model.tokenizer.gguf.GgufTokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The final logits (after Gemma 2's soft-cap) of every position of one forward pass, as the top K tokens per
 * position: what scripts compare with other engines. With {@code --json}, one object
 * <pre>{"tokens": [2, 651, ...], "positions": [{"top": [[id, logit], ...]}, ...]}</pre>
 * with the ids run (BOS included) and, per position, the K highest logits, highest first.
 */
@Command(name = "logits", description = "Print a language model's final logits at every position: the top K tokens"
        + " of each (BOS is added in front, as generation does).")
final class LogitsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a GGUF file or a llama2.c checkpoint (.bin)")
    Path model;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "the model's tokenizer (needed for llama2.c .bin)")
    Path tokenizer;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--prompt", paramLabel = "TEXT", description = "text to run, after BOS")
        String prompt;

        @Option(names = "--tokens", paramLabel = "IDS", split = ",",
                description = "token ids to run, e.g. 2,651,6037; BOS is put in front unless they start with it")
        List<Integer> tokens;
    }

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "10",
            description = "tokens to show per position, highest logit first (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--json", description = "print {\"tokens\": [...], \"positions\": [{\"top\": [[id, logit], ...]}, ...]}")
    boolean json;

    @Override
    public Integer call() {
        if (topK < 1) throw new InvalidInputException("--top-k is " + topK + "; it must be at least 1");
        LanguageModel languageModel = LanguageModelFiles.load(model, tokenizer);
        Tokenizer t = languageModel.tokenizer();
        int[] ids = input.prompt != null ? withBos(t, t.encode(input.prompt)) : withBos(t, toArray(input.tokens));
        if (ids.length == 0) throw new InvalidInputException("there are no tokens to run (this vocabulary has no BOS)");
        int vocab = languageModel.transformer().config().vocabSize();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new InvalidInputException("token " + ids[i] + " at position " + i + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        int contextLength = languageModel.transformer().config().contextLength();
        if (ids.length > contextLength) {
            throw new InvalidInputException(ids.length + " tokens (BOS included) do not fit the model's context of " + contextLength);
        }
        float[][] logits = languageModel.transformer().forward(ids);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report(ids, logits)));
        } else {
            for (int p = 0; p < ids.length; p++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d %6d %-12s ->", p, ids[p], quoted(t, ids[p])));
                for (int id : TopLogits.of(logits[p], topK)) {
                    line.append(String.format(Locale.ROOT, "  %s %.4f", quoted(t, id), logits[p][id]));
                }
                out.println(line);
            }
        }
        return 0;
    }

    /** BOS in front of {@code ids}, unless they start with it or the model adds none (a GGUF vocabulary may say so). */
    static int[] withBos(Tokenizer t, int[] ids) {
        boolean adds = t.bos().isPresent() && !(t instanceof GgufTokenizer g && !g.addsBos());
        if (!adds || (ids.length > 0 && ids[0] == t.bos().getAsInt())) return ids;
        int[] out = new int[ids.length + 1];
        out[0] = t.bos().getAsInt();
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    private Map<String, Object> report(int[] ids, float[][] logits) {
        List<Integer> tokens = new ArrayList<>();
        for (int id : ids) tokens.add(id);
        List<Map<String, Object>> positions = new ArrayList<>();
        for (float[] row : logits) {
            List<List<Number>> top = new ArrayList<>();
            for (int id : TopLogits.of(row, topK)) top.add(List.of(id, row[id]));
            positions.add(Map.of("top", top));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tokens", tokens);
        o.put("positions", positions);
        return o;
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String quoted(Tokenizer t, int id) {
        return Json.write(t.piece(id)).strip();
    }
}
