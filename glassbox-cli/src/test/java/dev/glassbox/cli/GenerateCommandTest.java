package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.core.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code glassbox generate} and {@code glassbox tokenize} on stories260K. */
class GenerateCommandTest {
    private static final String MODEL = SharedFiles.require("models/stories260K/stories260K.bin").toString();
    private static final String TOKENIZER = SharedFiles.require("models/stories260K/tok512.bin").toString();

    private static String published() throws IOException {
        String readme = Files.readString(SharedFiles.require("models/stories260K/README.md"));
        int open = readme.indexOf("```\n") + 4;
        return readme.substring(open, readme.indexOf("\n```", open));
    }

    @Test
    void greedyGenerationPrintsExactlyThePublishedText() throws IOException {
        CliRun run = CliRun.of("generate", "--model", MODEL, "--tokenizer", TOKENIZER, "--temperature", "0", "--steps", "256");
        assertEquals(0, run.status(), run.toString());
        assertEquals(published() + "\n", run.out(), "stdout is the text and nothing else");
        assertTrue(run.err().matches("(?s)prompt: 1 token at [0-9.]+ tokens/s; generated: 256 tokens at [0-9.]+ tokens/s.*"),
                run.err());
    }

    @Test
    void bothCacheTypesPrintThePublishedTextAndOthersAreRefused() throws IOException {
        for (String type : List.of("f32", "F16")) {
            CliRun run = CliRun.of("generate", "--model", MODEL, "--tokenizer", TOKENIZER, "--temperature", "0", "--steps", "256",
                    "--kv-cache", type);
            assertEquals(published() + "\n", run.out(), type);
        }
        CliRun bad = CliRun.of("generate", "--model", MODEL, "--tokenizer", TOKENIZER, "--kv-cache", "q8_0");
        assertEquals(Main.USER_ERROR, bad.status(), bad.toString());
        assertTrue(bad.err().contains("--kv-cache q8_0: use f16 or f32"), bad.err());
    }

    @Test
    void theSameSeedGivesTheSameText() {
        String[] args = {"generate", "--model", MODEL, "--tokenizer", TOKENIZER, "--prompt", "Lily went", "--steps", "30",
                "--seed", "11", "--top-k", "40"};
        CliRun a = CliRun.of(args), b = CliRun.of(args);
        assertEquals(0, a.status(), a.toString());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().startsWith("Lily went"), a.out());
    }

    @Test
    void anyNumberOfThreadsGivesTheSameText() {
        String[] args = {"generate", "--model", MODEL, "--tokenizer", TOKENIZER, "--prompt", "Lily went", "--steps", "40",
                "--temperature", "0", "--threads", "1"};
        CliRun one = CliRun.of(args);
        args[args.length - 1] = "3";
        CliRun three = CliRun.of(args);
        assertEquals(0, three.status(), three.toString());
        assertEquals(one.out(), three.out());
        args[args.length - 1] = "0";
        assertEquals(Main.USER_ERROR, CliRun.of(args).status());
    }

    @Test
    void aLlama2cModelWithoutTokenizerIsAUserError() {
        CliRun run = CliRun.of("generate", "--model", MODEL);
        assertEquals(Main.USER_ERROR, run.status(), run.toString());
        assertTrue(run.err().contains("--tokenizer"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badSamplingFlagsAreUserErrors() {
        CliRun run = CliRun.of("generate", "--model", MODEL, "--tokenizer", TOKENIZER, "--top-p", "0");
        assertEquals(Main.USER_ERROR, run.status(), run.toString());
        assertTrue(run.err().contains("top-p 0.0 must be in (0, 1]"), run.err());
    }

    @Test
    void tokenizePrintsIdsAndPiecesWithoutBos() throws IOException {
        CliRun run = CliRun.of("tokenize", "--model", MODEL, "--tokenizer", TOKENIZER, "--text", "Hi wörld", "--json");
        assertEquals(0, run.status(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ids", "pieces"), fields);
        assertEquals("[320,417,263,198,185,420,341]", json.get("ids").toString());
        // the dummy-prefix space is part of the first piece; ö falls back to its two UTF-8 bytes
        assertEquals("[\" H\",\"i\",\" w\",\"<0xC3>\",\"<0xB6>\",\"r\",\"ld\"]", json.get("pieces").toString());
    }
}
