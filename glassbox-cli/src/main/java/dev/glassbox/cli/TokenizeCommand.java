package dev.glassbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.model.generate.LanguageModelFiles;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows how a model's tokenizer splits a text: ids (no BOS) and the vocabulary piece of each. */
@Command(name = "tokenize", description = "Split text into a language model's tokens (no BOS added).")
final class TokenizeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "a GGUF file (a model, or llama.cpp's vocabulary-only ggml-vocab-*.gguf) or a llama2.c checkpoint (.bin)")
    Path model;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "the model's tokenizer (needed for llama2.c .bin)")
    Path tokenizer;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "the text to split")
    String text;

    @Option(names = "--json", description = "print {\"ids\": [...], \"pieces\": [...]}")
    boolean json;

    @Override
    public Integer call() {
        Tokenizer t = LanguageModelFiles.loadTokenizer(model, tokenizer);
        int[] ids = t.encode(text);
        List<Integer> idList = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (int id : ids) {
            idList.add(id);
            pieces.add(t.piece(id));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ids", idList);
            o.put("pieces", pieces);
            out.println(toJson(o, true));
        } else {
            for (int i = 0; i < ids.length; i++) out.printf("%6d  %s%n", ids[i], toJson(pieces.get(i), false));
            out.printf("%d tokens%n", ids.length);
        }
        return 0;
    }

    /** JSON text of {@code value}; pretty for the --json object, one line for a quoted piece. */
    private static String toJson(Object value, boolean pretty) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value) : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
