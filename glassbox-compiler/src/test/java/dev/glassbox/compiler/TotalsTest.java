package dev.glassbox.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import org.junit.jupiter.api.Test;

/**
 * The default mode's goal: over the 16 library programs, total layers and total residual dimension at most
 * 0.8 of the original's (47 layers, 510 dimensions at max_seq_len 5). Prints the table of docs/benchmarks.md.
 */
class TotalsTest {

    @Test
    void defaultModeIsAtMostFourFifthsOfTheOriginal() {
        int compatLayers = 0, compatResidual = 0, layers = 0, residual = 0;
        long compatParameters = 0, parameters = 0;
        StringBuilder table = new StringBuilder("| program | layers (tracr) | layers (default) | residual (tracr) | "
                + "residual (default) | parameters (tracr) | parameters (default) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (LibraryProgram p : Library.all()) {
            CompileOptions options = CompileOptions.of(p.vocab(), p.maxSeqLen());
            CompiledModel compat = RaspCompiler.compile(p.build(), options.withMode(CompileOptions.Mode.TRACR_COMPAT));
            CompiledModel ours = RaspCompiler.compile(p.build(), options);
            compatLayers += compat.config().nLayers();
            compatResidual += compat.residualDim();
            layers += ours.config().nLayers();
            residual += ours.residualDim();
            assertTrue(ours.config().nLayers() <= compat.config().nLayers(), p.name() + ": more layers");
            assertTrue(ours.residualDim() <= compat.residualDim(), p.name() + ": larger residual");
            assertTrue(parameters(ours) <= parameters(compat), p.name() + ": more parameters");
            compatParameters += parameters(compat);
            parameters += parameters(ours);
            table.append("| ").append(p.name()).append(" | ").append(compat.config().nLayers()).append(" | ")
                    .append(ours.config().nLayers()).append(" | ").append(compat.residualDim()).append(" | ")
                    .append(ours.residualDim()).append(" | ").append(parameters(compat)).append(" | ")
                    .append(parameters(ours)).append(" |\n");
        }
        table.append("| **total** | ").append(compatLayers).append(" | ").append(layers).append(" | ")
                .append(compatResidual).append(" | ").append(residual).append(" | ").append(compatParameters).append(" | ")
                .append(parameters).append(" |\n");
        System.out.println(table);
        assertEquals(Reference.totalLayers(), compatLayers);
        assertEquals(Reference.totalResidual(), compatResidual);
        assertTrue(layers <= 0.8 * compatLayers, "layers " + layers + " > 0.8 × " + compatLayers);
        assertTrue(residual <= 0.8 * compatResidual, "residual " + residual + " > 0.8 × " + compatResidual);
    }

    /** Every stored weight, as assembled (heads and MLPs padded to the widest in the model). */
    static long parameters(CompiledModel m) {
        var c = m.config();
        long perLayer = 4L * c.nHeads() * c.dHead() * c.dModel() + 2L * c.dMlp() * c.dModel();
        return (long) c.vocabSize() * c.dModel() + (long) c.contextLength() * c.dModel() + c.nLayers() * perLayer
                + (long) m.weights().unembed().rows() * c.dModel();
    }
}
