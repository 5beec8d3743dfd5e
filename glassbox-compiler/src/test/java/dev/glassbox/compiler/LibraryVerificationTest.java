package dev.glassbox.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** All 16 library programs, both modes, every input up to max_seq_len 5: no mismatch. */
class LibraryVerificationTest {

    static Stream<Arguments> cases() {
        return Library.all().stream().flatMap(p -> Stream.of(
                Arguments.of(p.name(), CompileOptions.Mode.DEFAULT, false),
                Arguments.of(p.name(), CompileOptions.Mode.TRACR_COMPAT, false)));
    }

    static Stream<Arguments> causalCases() {
        return Library.all().stream().filter(LibraryProgram::causalSafe).flatMap(p -> Stream.of(
                Arguments.of(p.name(), CompileOptions.Mode.DEFAULT, true),
                Arguments.of(p.name(), CompileOptions.Mode.TRACR_COMPAT, true)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void verifies(String name, CompileOptions.Mode mode, boolean causal) {
        check(name, mode, causal);
    }

    @ParameterizedTest(name = "{0} {1} causal")
    @MethodSource("causalCases")
    void verifiesCausal(String name, CompileOptions.Mode mode, boolean causal) {
        check(name, mode, causal);
    }

    private static void check(String name, CompileOptions.Mode mode, boolean causal) {
        LibraryProgram p = Library.get(name);
        CompileOptions options = CompileOptions.of(p.vocab(), p.maxSeqLen()).withMode(mode).withCausal(causal);
        CompiledModel model = RaspCompiler.compile(p.build(), options);
        VerificationResult r = Verifier.verify(model, p.build(), p.maxSeqLen());
        assertTrue(r.exhaustive());
        assertTrue(r.passed(), name + " " + mode + (causal ? " causal" : "") + ": " + r.mismatches() + " mismatches of "
                + r.positionsChecked() + ", first " + r.firstCounterexample());
        assertTrue(r.positionsChecked() > 0);
    }
}
