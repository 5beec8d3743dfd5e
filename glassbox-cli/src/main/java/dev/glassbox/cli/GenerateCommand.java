package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.generate.ChatMessage;
import dev.glassbox.model.generate.EndOfTurnSampler;
import dev.glassbox.model.generate.GemmaChatTemplate;
import dev.glassbox.model.generate.GenerationResult;
import dev.glassbox.model.generate.Generator;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.LanguageModelFiles;
import dev.glassbox.model.generate.Sampler;
import dev.glassbox.model.generate.Sampling;
import dev.glassbox.model.generate.TokenListener;
import dev.glassbox.model.tokenizer.Tokenizer;
import dev.glassbox.tensor.parallel.ThreadPool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Generates text as llama2.c's {@code run} does: stdout gets exactly the text (prompt included) followed
 * by one newline; the speed goes to stderr. With {@code --chat} the prompt is a user turn in Gemma's chat
 * format ({@link GemmaChatTemplate}), stdout gets only the model's reply, and the reply ends at
 * {@code <end_of_turn>}.
 */
@Command(name = "generate", description = "Generate text with a language model, streaming it to stdout"
        + " (speed to stderr).")
final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a GGUF file or a llama2.c checkpoint (.bin)")
    Path model;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "the model's tokenizer (needed for llama2.c .bin)")
    Path tokenizer;

    @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "",
            description = "text to continue (default: none, start from BOS)")
    String prompt;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "0 is greedy (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "sample among the K most likely tokens; 0 keeps all (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.9",
            description = "sample among the fewest tokens holding probability P; 1 keeps all (default: ${DEFAULT-VALUE})")
    float topP;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "256",
            description = "positions to run, BOS and prompt included; capped at the context (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--chat", description = "send the prompt as a user turn in Gemma's chat format and print only the"
            + " model's reply, which ends at <end_of_turn>")
    boolean chat;

    @Option(names = "--seed", paramLabel = "S", description = "random seed; the same seed gives the same text (default: the clock)")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads sharing each weight product (default: the available processors); any number gives the same text")
    Integer threads;

    @Option(names = "--kv-cache", paramLabel = "TYPE", defaultValue = CacheTypeOption.DEFAULT,
            description = CacheTypeOption.DESCRIPTION)
    String cacheType;

    @Override
    public Integer call() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) throw new InvalidInputException("--threads is " + n + "; it must be at least 1");
        try (ThreadPool pool = new ThreadPool(n)) {
            return generate(pool);
        }
    }

    private Integer generate(ThreadPool pool) {
        var cachePrecision = CacheTypeOption.parse(cacheType);
        long chosenSeed = seed != null ? seed : System.currentTimeMillis();
        Sampling sampling = new Sampling(temperature, topK, topP, chosenSeed);
        LanguageModel loaded = LanguageModelFiles.load(model, tokenizer);
        LanguageModel languageModel = new LanguageModel(loaded.transformer().withParallelism(pool), loaded.tokenizer());
        PrintWriter out = spec.commandLine().getOut();
        TokenListener print = new TokenListener() {
            @Override
            public void onToken(int id, String text, boolean fromPrompt) {
                if (chat && fromPrompt) return;
                out.print(text);
                out.flush();
            }

            @Override
            public void onEnd(String text) {
                out.print(text);
            }
        };
        Generator generator = new Generator(languageModel).withCachePrecision(cachePrecision);
        GenerationResult result;
        if (chat) {
            Tokenizer t = languageModel.tokenizer();
            int[] ids = GemmaChatTemplate.encode(t, List.of(ChatMessage.user(prompt)), true);
            int eos = t.eos().orElseThrow(() -> new InvalidInputException("--chat needs a vocabulary with an EOS token"));
            Sampler sampler = new EndOfTurnSampler(Sampler.of(sampling), GemmaChatTemplate.endOfTurn(t), eos);
            result = generator.generate(ids, steps, sampler, languageModel.transformer().newHooks(), print);
        } else {
            result = generator.generate(prompt, steps, sampling, print);
        }
        out.println();
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "prompt: %s at %.1f tokens/s; generated: %s at %.1f tokens/s (stopped by %s)%s",
                tokens(result.promptTokens()), result.promptTokensPerSecond(), tokens(result.generatedTokens()),
                result.generationTokensPerSecond(), result.stop().toString().toLowerCase(Locale.ROOT),
                sampling.isGreedy() || seed != null ? "" : "; seed " + chosenSeed));
        err.flush();
        return 0;
    }

    private static String tokens(int n) {
        return n + (n == 1 ? " token" : " tokens");
    }
}
