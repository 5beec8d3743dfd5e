package dev.glassbox.cli.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the interp commands: one message that says what is wrong, exit status 2, no stack trace. */
class InterpBadInputTest {
    @TempDir static Path dir;
    static String model;

    @BeforeAll
    static void compileReverse() {
        model = dir.resolve("reverse.safetensors").toString();
        assertEquals(0, InterpCli.run("compile", "lib:reverse", "-o", model).status());
    }

    private static String fails(String... args) {
        InterpCli r = InterpCli.run(args);
        assertEquals(2, r.status(), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        return r.err();
    }

    @Test
    void unknownComponentsAndReceiversNameTheClosest() {
        String e = fails("interp", "ablate", "--model", model, "--input", "a b c", "--component", "blocks.2.atn");
        assertTrue(e.contains("blocks.2.attn"), e);
        String r = fails("interp", "path-patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b",
                "--receiver", "blocks.2.attn.head.0.z");
        assertTrue(r.contains("blocks.2.attn.head.0.q"), r);
        String h = fails("interp", "cache", "--model", model, "--input", "a b c", "--hook", "blocks.2.attn.hook_patern");
        assertTrue(h.contains("blocks.2.attn.hook_pattern"), h);
        String t = fails("interp", "attribute", "--model", model, "--input", "a b c", "--target", "d");
        assertTrue(t.contains("closest"), t);
    }

    @Test
    void promptsOfDifferentLengthsAreRefused() {
        String e = fails("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "a b");
        assertTrue(e.contains("4 tokens") && e.contains("3"), e);
    }

    @Test
    void aPositionOutOfRangeSaysTheRange() {
        String e = fails("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--position", "9");
        assertTrue(e.contains("0..3"), e);
        String a = fails("interp", "attribute", "--model", model, "--input", "a b c", "--position", "4");
        assertTrue(a.contains("0..3"), a);
        String l = fails("interp", "logit-lens", "--model", model, "--input", "a b", "--position", "-1");
        assertTrue(l.contains("0..2"), l);
    }

    @Test
    void badChoicesAndFilesAreUserErrors() {
        assertTrue(fails("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--granularity", "cell")
                .contains("layer-position"));
        assertTrue(fails("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--direction", "up")
                .contains("denoising"));
        assertTrue(fails("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "a b c")
                .contains("same output"));
        assertTrue(fails("interp", "logit-lens", "--model", model, "--input", "a b", "--scale", "fixed").contains("frozen"));
        assertTrue(fails("interp", "ablate", "--model", model, "--input", "a b", "--kind", "mean").contains("other prompts"));
        assertTrue(fails("interp", "attribute", "--model", dir.resolve("missing.safetensors").toString(), "--input", "a")
                .contains("missing.safetensors"));
        assertTrue(fails("interp", "attribute", "--model", model, "--input", "a b", "-o", dir.resolve("x.png").toString())
                .contains(".html"));
    }
}
