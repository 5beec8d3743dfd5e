package dev.glassbox.compiler.verify;

import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.RaspCompiler;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final List<Object> ABC = List.of("a", "b", "c");

    @Test
    void noneIsDontCareInCompatModeAndCheckedInDefaultMode() {
        SOp shift = TracrLib.shiftBy(1, tokens());
        CompileOptions options = CompileOptions.of(ABC, 3);
        VerificationResult ours = Verifier.verify(RaspCompiler.compile(shift, options), shift, 3);
        VerificationResult compat = Verifier.verify(RaspCompiler.compile(shift,
                options.withMode(CompileOptions.Mode.TRACR_COMPAT)), shift, 3);
        long inputs = 3 + 9 + 27;
        long positions = 3 + 2 * 9 + 3 * 27;
        assertEquals(inputs, ours.inputs());
        assertTrue(ours.exhaustive());
        assertEquals(positions, ours.positionsChecked());
        assertEquals(0, ours.dontCare());
        assertEquals(inputs, compat.dontCare(), "position 0 of every input is None");
        assertEquals(positions - inputs, compat.positionsChecked());
        assertTrue(ours.passed() && compat.passed());
    }

    @Test
    void aWrongModelGivesItsFirstCounterexample() {
        // the reverse of a model compiled for a different program
        CompiledModel model = RaspCompiler.compile(TracrLib.makeLength(), CompileOptions.of(ABC, 3));
        VerificationResult r = Verifier.verify(model, TracrLib.makeHist(), 3);
        assertFalse(r.passed());
        assertEquals(List.of("a", "b"), r.firstCounterexample().input());
        assertEquals(List.of(1, 1), r.firstCounterexample().expected());
        assertEquals(List.of(2, 2), r.firstCounterexample().actual());
        assertEquals(0, r.firstCounterexample().position());
    }

    @Test
    void aSampleWhenThereAreTooManyInputs() {
        SOp length = TracrLib.makeLength();
        CompiledModel model = RaspCompiler.compile(length, CompileOptions.of(ABC, 8));
        VerificationResult r = Verifier.verify(model, length, 8, 500, 1);
        assertFalse(r.exhaustive());
        assertEquals(500, r.inputs());
        assertTrue(r.passed());
    }

    @Test
    void lengthsBeyondTheModelAreRefused() {
        CompiledModel model = RaspCompiler.compile(TracrLib.makeLength(), CompileOptions.of(ABC, 3));
        assertThrows(InvalidInputException.class, () -> Verifier.verify(model, TracrLib.makeLength(), 4));
    }
}
