package dev.glassbox.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelSelectorTest {
    @Test
    void autoPrefersVectorWhenAvailable() {
        assertEquals("vector", KernelSelector.select(null, true).name());
        assertEquals("scalar", KernelSelector.select(null, false).name());
        assertEquals("scalar", KernelSelector.select("scalar", true).name());
        assertEquals("vector", KernelSelector.select(" Vector ", true).name());
    }

    @Test
    void forcingVectorWithoutTheModuleExplainsTheFlag() {
        var e = assertThrows(IllegalStateException.class, () -> KernelSelector.select("vector", false));
        assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
    }

    @Test
    void unknownChoiceIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> KernelSelector.select("gpu", true));
        assertTrue(e.getMessage().contains("scalar, vector"), e.getMessage());
    }
}
