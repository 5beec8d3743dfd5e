package dev.glassbox.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.model.compiled.CompiledModelRunner;
import dev.glassbox.rasp.SOp;
import java.util.List;

/** Small helpers for the tests: compile in a mode, run, verify. */
final class Programs {
    private Programs() {}

    static CompiledModel compat(SOp program, List<?> vocab, int maxSeqLen) {
        return RaspCompiler.compile(program, CompileOptions.of(vocab, maxSeqLen).withMode(CompileOptions.Mode.TRACR_COMPAT));
    }

    static CompiledModel ours(SOp program, List<?> vocab, int maxSeqLen) {
        return RaspCompiler.compile(program, CompileOptions.of(vocab, maxSeqLen));
    }

    static List<Object> run(CompiledModel model, List<?> input) {
        return new CompiledModelRunner(model).run(input);
    }

    static VerificationResult verify(CompiledModel model, SOp program, int maxLength) {
        return Verifier.verify(model, program, maxLength);
    }

    static void assertVerifies(CompiledModel model, SOp program, int maxLength) {
        VerificationResult r = verify(model, program, maxLength);
        assertTrue(r.passed(), r.mismatches() + " mismatches of " + r.positionsChecked() + ", first " + r.firstCounterexample());
        assertTrue(r.positionsChecked() > 0, "nothing was checked");
    }
}
